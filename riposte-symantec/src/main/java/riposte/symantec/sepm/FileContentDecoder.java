package riposte.symantec.sepm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Decodes {@code GET /command-queue/file/{id}/content}: a ZIP holding the file XOR-ed with a one-byte key, in an
 * entry named by its hash (SHA-256, SHA-1 or MD5 hex), and {@code metadata.xml}, whose {@code <File Key="NN"/>}
 * gives the key. The decoded bytes must hash to the entry's name, and to {@code expectedHash} if given.
 */
final class FileContentDecoder {
    /** Upload is meant for executables and scripts; 256 MiB is far above those and bounds a ZIP bomb. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** metadata.xml is a few hundred bytes. */
    static final int MAX_METADATA_BYTES = 1024 * 1024;
    private static final Pattern HASH_NAME = Pattern.compile("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}");

    private FileContentDecoder() {}

    static FileContent decode(String fileId, InputStream archive, String expectedHash) throws IOException {
        String hashName = null;
        byte[] data = null;
        byte[] metadata = null;
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (name.equalsIgnoreCase("metadata.xml")) {
                    metadata = read(zip, MAX_METADATA_BYTES, "metadata.xml");
                } else if (HASH_NAME.matcher(name).matches()) {
                    if (data != null) throw new SepmProtocolException("SEPM file " + fileId + ": the archive holds more than one file");
                    hashName = name.toLowerCase(Locale.ROOT);
                    data = read(zip, MAX_FILE_BYTES, "the file");
                }
            }
        } catch (ZipException e) {
            throw new SepmProtocolException("SEPM file " + fileId + " is not a valid ZIP archive: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            // a cut archive: the JDK's EOFException often has no message at all (found by SepmParserPropertiesTest)
            throw new SepmProtocolException("SEPM file " + fileId + " is not a valid ZIP archive: it ends early"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        if (data == null) throw new SepmProtocolException("SEPM file " + fileId + ": the archive holds no entry named by a hash");
        if (metadata == null) throw new SepmProtocolException("SEPM file " + fileId + ": the archive has no metadata.xml");
        int key = key(fileId, metadata, hashName);
        for (int i = 0; i < data.length; i++) data[i] = (byte) (data[i] ^ key);
        FileContent content = new FileContent(fileId, hashName, data, digest("SHA-256", data), digest("SHA-1", data), digest("MD5", data));
        check(fileId, content, hashName, "the archive names it");
        if (expectedHash != null && !expectedHash.isBlank()) check(fileId, content, expectedHash.strip().toLowerCase(Locale.ROOT), "expected");
        return content;
    }

    private static void check(String fileId, FileContent c, String hash, String source) {
        String actual = switch (hash.length()) {
            case 64 -> c.sha256();
            case 40 -> c.sha1();
            case 32 -> c.md5();
            default -> throw new SepmInvalidRequestException("'" + SepmIds.printable(hash) + "' is not an MD5, SHA-1 or SHA-256 hash");
        };
        if (!actual.equals(hash)) {
            throw new SepmProtocolException("SEPM file " + fileId + " decodes to content with hash " + actual
                    + ", but " + source + " " + hash + "; not using it");
        }
    }

    /** The key of the {@code <File>} named like the entry, else the only key present. */
    private static int key(String fileId, byte[] metadata, String hashName) throws IOException {
        NodeList files;
        try {
            files = SecureXml.parse(metadata).getElementsByTagName("File");
        } catch (SAXException e) {
            throw new SepmProtocolException("SEPM file " + fileId + ": metadata.xml is not well-formed: " + e.getMessage(), e);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < files.getLength(); i++) {
            Element f = (Element) files.item(i);
            String k = f.hasAttribute("Key") ? f.getAttribute("Key") : f.getAttribute("key");
            if (k.isBlank()) continue;
            for (String attr : new String[] {"Name", "name", "Hash", "SHA256", "Sha256"}) {
                if (hashName.equalsIgnoreCase(f.getAttribute(attr).strip())) return parseKey(fileId, k);
            }
            if (!keys.contains(k.strip())) keys.add(k.strip());
        }
        if (keys.size() != 1) {
            throw new SepmProtocolException("SEPM file " + fileId + ": metadata.xml has " + keys.size() + " XOR keys, expected one");
        }
        return parseKey(fileId, keys.getFirst());
    }

    private static int parseKey(String fileId, String text) {
        try {
            int k = text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
            if (k < 0 || k > 255) throw new NumberFormatException();
            return k;
        } catch (NumberFormatException e) {
            throw new SepmProtocolException("SEPM file " + fileId + ": metadata.xml key '" + SepmIds.printable(text) + "' is not a byte");
        }
    }

    private static byte[] read(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) throw new SepmProtocolException(what + " in the SEPM archive is larger than " + max + " bytes");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return FileContent.hex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
