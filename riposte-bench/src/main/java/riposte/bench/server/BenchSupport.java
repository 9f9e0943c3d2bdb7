package riposte.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** Small helpers shared by the benchmarks that start the server in-process: secrets, temp trees, machine load. */
public final class BenchSupport {
    private BenchSupport() {}

    /** The machine's 1-minute load average: other work on the cores shows up in every figure. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding (passwords, tokens). */
    public static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Deletes a directory tree, saying so when it cannot. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("# could not delete " + dir + ": " + e);
        }
    }

    /**
     * The arguments every in-process benchmark server gets: a random port, the bootstrap admin's API token and
     * password, blobs and the secret key under {@code dir}, and WARN logging. The database arguments come after.
     */
    public static java.util.List<String> serverArgs(Path dir, String token, String password) {
        return new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--riposte.security.admin-api-token=" + token,
                "--riposte.security.admin-password=" + password,
                "--riposte.server.blob-dir=" + dir.resolve("blobs"),
                "--riposte.secrets.key=" + Base64.getEncoder().encodeToString(randomBytes(32)),
                "--riposte.secrets.data-dir=" + dir,
                "--logging.level.root=WARN"));
    }
}
