package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SepmFileContentDecoderTest {
    static final String FILE_ID = "CD02BC8E0A6606D53533F2428BB86D4E";
    static final byte[] ORIGINAL = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

    static byte[] archive(String entryName, byte[] original, int key, String metadata, boolean metadataFirst) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (metadataFirst && metadata != null) put(zip, "metadata.xml", metadata.getBytes(StandardCharsets.UTF_8));
            byte[] xored = original.clone();
            for (int i = 0; i < xored.length; i++) xored[i] = (byte) (xored[i] ^ key);
            if (entryName != null) put(zip, entryName, xored);
            if (!metadataFirst && metadata != null) put(zip, "metadata.xml", metadata.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    static String sha256() {
        return FileContentDecoder.digest("SHA-256", ORIGINAL);
    }

    @Test
    void decodesTheXoredEntryWithTheKeyFromMetadataAndChecksTheHash() throws Exception {
        for (boolean metadataFirst : new boolean[] {true, false}) {
            byte[] zip = archive(sha256().toUpperCase(), ORIGINAL, 0xA7, "<Files><File Name=\"x\" Key=\"167\"/></Files>", metadataFirst);
            FileContent c = FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(zip), FileContentDecoder.digest("MD5", ORIGINAL));
            assertThat(c.bytes()).isEqualTo(ORIGINAL);
            assertThat(c.sha256()).isEqualTo(sha256());
            assertThat(c.archiveHash()).isEqualTo(sha256());
            assertThat(c.toString()).doesNotContain("MZ");
            assertThat(c.base64()).isNotBlank();
        }
    }

    @Test
    void picksTheKeyOfTheFileNamedLikeTheEntry() throws Exception {
        String meta = "<Root><File Name=\"other\" Key=\"1\"/><File Name=\"" + sha256() + "\" Key=\"9\"/></Root>";
        FileContent c = FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(archive(sha256(), ORIGINAL, 9, meta, true)), null);
        assertThat(c.bytes()).isEqualTo(ORIGINAL);
    }

    @Test
    void aWrongKeyOrAWrongExpectedHashIsRefused() throws Exception {
        byte[] wrongKey = archive(sha256(), ORIGINAL, 5, "<Files><File Key=\"6\"/></Files>", true);
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(wrongKey), null))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("the archive names it");
        byte[] ok = archive(sha256(), ORIGINAL, 5, "<Files><File Key=\"5\"/></Files>", true);
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(ok), "0".repeat(64)))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("expected");
    }

    @Test
    void malformedArchivesAreProtocolErrors() throws Exception {
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(archive(sha256(), ORIGINAL, 5, null, true)), null))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("metadata.xml");
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(archive(null, ORIGINAL, 5, "<F/>", true)), null))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("no entry");
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(archive(sha256(), ORIGINAL, 5, "<Files><File Key=\"300\"/></Files>", true)), null))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("not a byte");
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(
                archive(sha256(), ORIGINAL, 5, "<!DOCTYPE F [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Files><File Key=\"&x;\"/></Files>", true)), null))
                .isInstanceOf(SepmProtocolException.class);
    }

    /** Regression (SepmParserPropertiesTest): an archive cut short is named as such, not an IOException without text. */
    @Test
    void anArchiveCutShortIsRefusedSayingSo() throws Exception {
        String meta = "<Root><File Name=\"" + sha256() + "\" Key=\"9\"/></Root>";
        byte[] cut = java.util.Arrays.copyOf(archive(sha256(), ORIGINAL, 9, meta, true), 30);
        assertThatThrownBy(() -> FileContentDecoder.decode(FILE_ID, new ByteArrayInputStream(cut), null))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("ends early");
    }
}
