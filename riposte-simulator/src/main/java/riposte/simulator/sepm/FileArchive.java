package riposte.simulator.sepm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The body of {@code GET /command-queue/file/{id}/content} (reference §3.7): a ZIP with the file's
 * bytes XOR-ed with a one-byte key under its SHA-256 name, and {@code metadata.xml} whose
 * {@code File} element carries that key. The metadata root and other attributes are inferred [I].
 */
final class FileArchive {
    private FileArchive() {
    }

    /** A key in 1..255 derived from the file id, so the same file always comes back identically. */
    static int key(String fileId) {
        return 1 + (int) Long.remainderUnsigned(Ids.mix(fileId.hashCode()), 255);
    }

    static byte[] zip(String fileId, InventoryFile file, byte[] content) {
        int key = key(fileId);
        byte[] xored = new byte[content.length];
        for (int i = 0; i < content.length; i++) {
            xored[i] = (byte) (content[i] ^ key);
        }
        String metadata = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Files>\n"
                + "    <File Name=\"" + XmlNode.escape(file.sha256()) + "\" Path=\"" + XmlNode.escape(file.path())
                + "\" Size=\"" + content.length + "\" SHA256=\"" + file.sha256() + "\" Key=\"" + key + "\"/>\n</Files>\n";
        var out = new ByteArrayOutputStream(content.length + 512);
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(file.sha256()));
            zip.write(xored);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("metadata.xml"));
            zip.write(metadata.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory ZIP cannot fail", e);
        }
        return out.toByteArray();
    }
}
