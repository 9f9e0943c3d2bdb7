package riposte.cli.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;

/**
 * Where a download goes: standard output ({@code -o -}) or a file, which is never overwritten without
 * {@code --force}. A file is written to a temporary file beside it and moved into place once complete, so a failed
 * download leaves neither a partial file nor a damaged one it was to replace.
 */
final class Download {
    /** What was written: where ({@code -} for standard output), how many bytes, and their SHA-256. */
    record Written(String path, long size, String sha256) {}

    private final Path file;
    private final boolean force;

    private Download(Path file, boolean force) {
        this.file = file;
        this.force = force;
    }

    /** {@code -} for standard output, else the file; an existing file without {@code --force} is a usage error. */
    static Download to(String output, boolean force) {
        if (output.equals("-")) return new Download(null, force);
        Path file = Path.of(output);
        if (Files.isDirectory(file)) throw new CliException(ExitCodes.USAGE, output + " is a directory: give a file name with -o");
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCodes.USAGE, output + " exists: choose another file with -o FILE (or -o - for "
                    + "standard output) or pass --force to overwrite it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) throw new CliException(ExitCodes.USAGE, "the directory " + parent + " does not exist");
        return new Download(file, force);
    }

    boolean toStdout() {
        return file == null;
    }

    /**
     * GET {@code /api/v1/path} into this target. With {@code expectedSha256}, content with another hash is exit 4 and
     * no file is written (on standard output it has been written by then).
     */
    Written fetch(ApiClient api, String path, Map<String, ?> query, String accept, String expectedSha256) {
        MessageDigest sha256 = sha256();
        if (file == null) {
            long size = api.download(path, query, accept, new DigestOutputStream(System.out, sha256));
            return checked(new Written("-", size, HexFormat.of().formatHex(sha256.digest())), expectedSha256);
        }
        Path parent = file.toAbsolutePath().getParent();
        Path part = null;
        try {
            part = Files.createTempFile(parent, ".riposte-", ".part");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
                size = api.download(path, query, accept, out);
            }
            Written written = checked(new Written(file.toString(), size, HexFormat.of().formatHex(sha256.digest())), expectedSha256);
            if (force) Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            else Files.move(part, file);
            part = null;
            return written;
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCodes.USAGE, file + " appeared while downloading: it was left alone; pass --force to overwrite it");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
        } finally {
            if (part != null) deleteQuietly(part);
        }
    }

    private static Written checked(Written written, String expected) {
        if (expected == null || written.sha256().equalsIgnoreCase(expected)) return written;
        throw new CliException(ExitCodes.UPSTREAM, "the content received does not match the SHA-256 the server recorded "
                + "(got " + written.sha256() + ", expected " + Terminal.safe(expected) + ")"
                + (written.path().equals("-") ? "" : "; " + written.path() + " was not written"));
    }

    /**
     * The stored name made safe to create in the current directory: path separators, control characters and the
     * characters Windows refuses become {@code _}; an empty name, {@code .} or {@code ..} becomes
     * {@code attachment-ID}.
     */
    static String safeName(String stored, long attachmentId) {
        String name = stored == null ? "" : stored.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) return "attachment-" + attachmentId;
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a leftover .part file is harmless; the failure being reported matters more
        }
    }
}
