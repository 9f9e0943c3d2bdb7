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
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import riposte.server.system.ServerSettings;

/**
 * Content-addressed files under the blob directory: {@code <dir>/<first two hex digits>/<sha256>}. Uploads are
 * streamed to a temporary file in {@code <dir>/tmp} while hashing, then moved into place (atomically where the file
 * system allows) unless that content is already there.
 */
@Component
class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
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
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** A stored file and when it was last written. */
    record StoredFile(String sha256, java.time.Instant modified) {}

    /** Every file in the store (not the temporary ones); names that are not a SHA-256 are left alone. */
    List<StoredFile> list() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getNameCount() == root.getNameCount() + 2 && Files.isRegularFile(p))
                    .filter(p -> SHA256.matcher(p.getFileName().toString()).matches()
                            && p.getParent().getFileName().toString().equals(p.getFileName().toString().substring(0, 2)))
                    .map(p -> new StoredFile(p.getFileName().toString(), modified(p)))
                    .filter(f -> f.modified() != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the blob directory " + root, e);
        }
    }

    /** Removes temporary upload files last written before {@code before} (an upload in progress keeps writing). */
    int deleteStaleTemporaryFiles(java.time.Instant before) {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) return 0;
        int deleted = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                java.time.Instant modified = modified(p);
                if (p.getFileName().toString().endsWith(".part") && modified != null && modified.isBefore(before)
                        && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + tmp, e);
        }
        return deleted;
    }

    private static java.time.Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }

    void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a blob in " + root, e);
        }
    }
}
