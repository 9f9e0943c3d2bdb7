package riposte.symantec.sepm;

import java.util.Base64;
import java.util.HexFormat;

/**
 * A file uploaded from an endpoint, decoded from SEPM's archive to its original bytes, and verified against the
 * hash SEPM named it by ({@link #archiveHash()}) and against the caller's expected hash, if any. Hashes are
 * lower-case hex. {@link #toString()} does not print the bytes.
 */
public record FileContent(String fileId, String archiveHash, byte[] bytes, String sha256, String sha1, String md5) {
    public FileContent {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The content as Base64, as the SOAR integrations hand it on. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "FileContent[fileId=" + fileId + ", size=" + bytes.length + ", sha256=" + sha256 + "]";
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
