package riposte.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import riposte.server.system.ServerSettings;

/**
 * Content-addressed files under the blob directory: {@code <dir>/<first two hex digits>/<sha256>}. Uploads are
 * streamed to a temporary file in {@code <dir>/tmp} while hashing, then moved into place (atomically where the file
 * system allows) unless that content is already there.
 */
@Component
class BlobStore {
    private final Path root;

    BlobStore(ServerSettings settings) {
        this.root = settings.blobDir().toAbsolutePath().normalize();
    }

    /** Bytes written to a temporary file, not yet in the store. */
    record Staged(Path file, String sha256, long size) {}

    Staged stage(InputStream in) {
        try {
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            Path file = Files.createTempFile(tmp, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                size = in.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Staged(file, HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the blob directory " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the staged file to its place, or drops it when that content is already stored. */
    void commit(Staged staged) {
        Path target = path(staged.sha256());
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(staged.file());
                return;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(staged.file());
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(staged.file(), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a blob in " + root, e);
        }
    }

    void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException ignored) {
            // a leftover in tmp/ is harmless
        }
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a blob in " + root, e);
        }
    }
}
