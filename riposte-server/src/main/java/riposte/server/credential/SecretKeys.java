package riposte.server.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the secret key: {@code RIPOSTE_SECRET_KEY} (base64), else the file {@code RIPOSTE_SECRET_KEY_FILE}, else
 * {@code <data dir>/secret.key}, generated with permissions 0600 on first start. Errors name the source and what is
 * expected, never the key.
 */
final class SecretKeys {
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    static final String GENERATED_FILE = "secret.key";
    private static final int KEY_BYTES = 32;

    private SecretKeys() {}

    static SecretKey load(SecretKeySettings settings) {
        if (settings.hasKey()) return decode(settings.key(), "RIPOSTE_SECRET_KEY (riposte.secrets.key)");
        if (settings.keyFile() != null && !settings.keyFile().toString().isBlank()) {
            Path file = settings.keyFile();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("RIPOSTE_SECRET_KEY_FILE names " + file.toAbsolutePath()
                        + ", which does not exist or is not a file");
            }
            return read(file);
        }
        Path file = settings.dataDir().resolve(GENERATED_FILE);
        if (Files.isRegularFile(file)) return read(file);
        return generate(file);
    }

    private static SecretKey read(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret key file " + file.toAbsolutePath() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey generate(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String text = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException race) {
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the secret key file " + file.toAbsolutePath() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        log.warn("Generated a new secret key for stored credentials in {} (permissions 0600). Back it up: without it "
                + "the stored credentials cannot be decrypted. Set RIPOSTE_SECRET_KEY or RIPOSTE_SECRET_KEY_FILE to "
                + "use a key of your own.", file.toAbsolutePath());
        return new SecretKeySpec(key, "AES");
    }

    static SecretKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64: expected the base64 of 32 random bytes "
                    + "(e.g. the output of: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " decodes to " + key.length + " bytes: expected 32 bytes "
                    + "(a 256-bit AES key, e.g. the output of: openssl rand -base64 32)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
