package riposte.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/**
 * The demo's data directory ({@code ./data/demo} by default): H2 database, blobs, secret key, the demo login and the
 * simulator certificate. {@code --reset} deletes it, but only when it is recognisably a demo directory (it holds
 * {@value DemoLogin#FILE}) or empty, so that a mistyped {@code --data} cannot wipe anything else.
 */
final class DemoDirectory {
    private DemoDirectory() {}

    static Path prepare(Path dir, boolean reset) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (reset && Files.isDirectory(abs)) {
                if (!isDemoOrEmpty(abs)) {
                    throw new CliException(ExitCodes.USAGE, "--reset refuses to delete " + abs + ": it does not look like a"
                            + " demo data directory (no " + DemoLogin.FILE + " in it)");
                }
                deleteTree(abs);
            }
            Files.createDirectories(abs);
            return abs;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot prepare the demo data directory " + abs + ": " + e.getMessage());
        }
    }

    private static boolean isDemoOrEmpty(Path dir) throws IOException {
        if (Files.exists(dir.resolve(DemoLogin.FILE))) return true;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
