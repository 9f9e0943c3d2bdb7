package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import riposte.core.indicator.InvalidIndicatorException;

class SepmEocDocumentTest {
    static final String COMPUTER = "89AD1BBB0946C25D25E6C0984E971D8A";
    static final String SHA256 = "BFE4FD78F2E1A3C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2454A";

    private static Document parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void buildsTheStructureSepmEchoesWithOneFilePerCriterion() throws Exception {
        EocRequest r = EocRequest.scan(ScanType.FULL_SCAN, Targets.computers(COMPUTER))
                .sha256(SHA256).md5("582F9B6E0CC4C1DBBD772AAAF088CB3A").filePath("C:\\temp\\where_copy.exe")
                .description("Scan for <evil> & \"friends\"").remediate(true).build();
        String xml = EocDocument.xml(r);
        assertThat(xml).doesNotStartWith("<?xml");
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("EOC");
        assertThat(root.getElementsByTagName("ScanType").item(0).getTextContent()).isEqualTo("FULL_SCAN");
        assertThat(root.getElementsByTagName("RemediationAction").item(0).getTextContent()).isEqualTo("REMEDIATE");
        assertThat(root.getElementsByTagName("Description").item(0).getTextContent()).isEqualTo("Scan for <evil> & \"friends\"");
        NodeList files = doc.getElementsByTagName("File");
        assertThat(files.getLength()).isEqualTo(3);
        Element first = (Element) files.item(0);
        assertThat(first.getParentNode().getNodeName()).isEqualTo("Files");
        assertThat(first.getParentNode().getParentNode().getNodeName()).isEqualTo("OS");
        assertThat(first.getAttribute("name")).isEqualTo("C:\\temp\\where_copy.exe");
        Element hash = (Element) first.getElementsByTagName("Hash").item(0);
        assertThat(hash.getAttribute("name")).isEqualTo("SHA256");
        assertThat(hash.getAttribute("value")).isEqualTo(SHA256.toLowerCase());
        assertThat(((Element) files.item(1)).getElementsByTagName("Hash").item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("MD5");
        Element pathOnly = (Element) ((Element) files.item(2)).getElementsByTagName("Hash").item(0);
        assertThat(pathOnly.getAttribute("value")).isEmpty();
    }

    @Test
    void plainScanHasNoRemediationActionAndHashFileHasEmptyName() throws Exception {
        String xml = EocDocument.xml(EocRequest.scan(ScanType.QUICK_SCAN, Targets.groups(COMPUTER)).hash(SHA256).build());
        Document doc = parse(xml);
        assertThat(doc.getElementsByTagName("RemediationAction").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagName("File").item(0)).getAttribute("name")).isEmpty();
        assertThat(doc.getElementsByTagName("File").getLength()).isEqualTo(1);
    }

    @Test
    void acceptsABareFileNameButRejectsGarbage() {
        assertThat(EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(COMPUTER)).filePath("suspicious.exe").build().filePath())
                .isEqualTo("suspicious.exe");
        assertThatThrownBy(() -> EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(COMPUTER)).filePath("a\u0000b|c").build())
                .isInstanceOf(SepmInvalidRequestException.class);
    }

    @Test
    void remediationNeedsAHash() {
        assertThatThrownBy(() -> EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(COMPUTER))
                .filePath("C:\\x.exe").remediate(true).build())
                .isInstanceOf(SepmInvalidRequestException.class).hasMessageContaining("by hash");
    }

    @Test
    void invalidHashesAndIdsAreRejectedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(COMPUTER)).sha256("abc"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(COMPUTER)).hash("evil.example.com"))
                .isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> Targets.computers("not-an-id")).isInstanceOf(SepmInvalidRequestException.class)
                .extracting(e -> ((SepmException) e).errorKind().name()).isEqualTo("INVALID_INDICATOR");
        assertThatThrownBy(() -> new Targets(null, null, null)).isInstanceOf(SepmInvalidRequestException.class);
    }
}
