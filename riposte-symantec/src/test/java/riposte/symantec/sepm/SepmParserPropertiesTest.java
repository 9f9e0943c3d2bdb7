package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Issue 16 item 8 (short run): the SEPM parsers of outside data never fail other than as documented. The file-content
 * decoder (ZIP of the XOR-ed file and metadata.xml) answers content or a {@link SepmException} / {@link IOException}
 * for random bytes and for valid archives with bytes flipped or cut; the EOC {@code resultInXML} parser answers a
 * result or a {@link SepmProtocolException} for random text and for documents assembled from EOC fragments.
 */
class SepmParserPropertiesTest {
    private static final List<String> EOC_PARTS = List.of("<EOC>", "</EOC>", "<ScanType>", "</ScanType>", "QUICK_SCAN",
            "<Files>", "</Files>", "<File>", "</File>", "<Hash name=\"SHA256\" value=\"", "\"/>", "<Matched ",
            "</Matched>", "<Path>", "</Path>", "<RemediationAction>", "</RemediationAction>", "<!DOCTYPE x [<!ENTITY e "
                    + "SYSTEM \"file:///etc/passwd\">]>", "&e;", "&amp;", "<![CDATA[", "]]>", "\u0000", "\uFFFF", "é",
            "<?xml version=\"1.0\"?>", "x:EOC xmlns:x=\"u\"", "=", "\"", "<", ">", "/");

    @Property(tries = 400, seed = "20261207")
    void randomBytesDecodeOrFailAsDocumented(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean zipHeader) {
        byte[] input = bytes;
        if (zipHeader) {
            input = new byte[bytes.length + 4];
            input[0] = 'P';
            input[1] = 'K';
            input[2] = 3;
            input[3] = 4;
            System.arraycopy(bytes, 0, input, 4, bytes.length);
        }
        decodeOrDocumentedFailure(input);
    }

    @Property(tries = 400, seed = "20261207")
    void damagedArchivesDecodeOrFailAsDocumented(@ForAll @IntRange(min = 0, max = 4096) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip, @ForAll boolean cut) throws Exception {
        String meta = "<Root><File Name=\"" + SepmFileContentDecoderTest.sha256() + "\" Key=\"9\"/></Root>";
        byte[] zip = SepmFileContentDecoderTest.archive(SepmFileContentDecoderTest.sha256(),
                SepmFileContentDecoderTest.ORIGINAL, 9, meta, true);
        int i = at % zip.length;
        byte[] damaged = cut ? java.util.Arrays.copyOf(zip, i) : zip.clone();
        if (!cut) damaged[i] = (byte) (damaged[i] ^ flip);
        decodeOrDocumentedFailure(damaged);
    }

    private static void decodeOrDocumentedFailure(byte[] input) {
        try {
            FileContent c = FileContentDecoder.decode(SepmFileContentDecoderTest.FILE_ID,
                    new ByteArrayInputStream(input), null);
            assertThat(c.bytes()).isNotNull();
        } catch (SepmException | IOException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500, seed = "20261207")
    void eocDocumentsParseOrFailAsDocumented(@ForAll("eocText") String xml) {
        try {
            EocResult r = EocResultParser.parse(xml);
            assertThat(r).isNotNull();
        } catch (SepmProtocolException expected) {
            assertThat(expected.getMessage()).startsWith("SEPM sent an EOC result");
        }
    }

    @Provide
    Arbitrary<String> eocText() {
        Arbitrary<String> fragments = Arbitraries.oneOf(Arbitraries.of(EOC_PARTS),
                Arbitraries.strings().ofMaxLength(8)).list().ofMaxSize(40).map(l -> String.join("", l));
        return Arbitraries.oneOf(fragments, Arbitraries.strings().ofMaxLength(200),
                fragments.map(f -> "<EOC><Files><File>" + f + "</File></Files></EOC>"));
    }
}
