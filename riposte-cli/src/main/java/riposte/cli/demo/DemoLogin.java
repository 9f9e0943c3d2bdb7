package riposte.cli.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The demo's admin password and admin API token: generated on the first demo start and kept in
 * {@value #FILE} in the data directory (owner-only where the file system allows), so that every later start prints
 * the same login. Demo only: the point is a login a newcomer can read off the console.
 */
record DemoLogin(String username, String password, String apiToken) {
    static final String FILE = "demo-login.properties";
    static final String USERNAME = "admin";

    static DemoLogin loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String password = p.getProperty("password", "");
            String token = p.getProperty("api-token", "");
            if (password.length() >= 12 && token.startsWith("rip_")) return new DemoLogin(USERNAME, password, token);
        }
        DemoLogin created = new DemoLogin(USERNAME, random(18), "rip_demo_" + random(30));
        created.write(file);
        return created;
    }

    private void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("username", username);
        p.setProperty("password", password);
        p.setProperty("api-token", apiToken);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "riposte demo login (demo only; --reset generates a new one)");
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "DemoLogin[" + username + "]";
    }
}
