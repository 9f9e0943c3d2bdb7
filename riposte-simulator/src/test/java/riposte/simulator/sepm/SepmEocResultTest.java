package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class SepmEocResultTest {
    private static final String SHA = "bfe4fd78e1c0f8c3b8a6a5d0b5e2f6c2a1b9d8e7f6a5b4c3d2e1f0a9b8c7454a";

    private static final String REQUEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EOC creator="Resilient" version="1.0" id="id">
                <DataSource name="name" id="id" version="version"/>
                <ScanType>FULL_SCAN</ScanType>
                <RemediationAction>REMEDIATE</RemediationAction>
                <Threat time="" severity="" type="" category="">
                    <Description>b'Scan for &lt;hash&gt;'</Description>
                    <Attacker></Attacker>
                </Threat>
                <Activity>
                    <OS id="0" name="name" version="version">
                        <Process></Process>
                        <Files>
                            <File name="C:\\temp\\where_copy.exe" action="create"><Hash name="SHA256" value="%s"/></File>
                            <File name="C:\\temp\\where_copy.exe" action="create"><Hash name="SHA1" value=""/></File>
                            <File name="MD5" action="create"><Hash name="MD5" value="582F9B6E0CC4C1DBBD772AAAF088CB3A"/></File>
                        </Files>
                        <Registry></Registry>
                        <Network></Network>
                    </OS>
                </Activity>
            </EOC>
            """.formatted(SHA.toUpperCase());

    private static final String EXPECTED = """
            <EOC creator="Resilient" version="1.0" id="id">
                <DataSource name="name" id="id" version="version"/>
                <ScanType>FULL_SCAN</ScanType>
                <RemediationAction>REMEDIATE</RemediationAction>
                <Threat time="" severity="" type="" category="">
                    <Description>b'Scan for &lt;hash&gt;'</Description>
                    <URL></URL>
                    <User></User>
                    <Attacker>
                    </Attacker>
                    <proxy ip=""/>
                    <Application></Application>
                </Threat>
                <Activity>
                    <OS id="0" name="name" version="version">
                        <Process>
                        </Process>
                        <Files>
                            <File name="C:\\temp\\where_copy.exe" action="create">
                                <Hash name="SHA256" value="%1$s"/>
                                <Matched result="HASH_MATCH" value="C:\\temp\\where-copy.exe" remediation="SUCCEEDED" hashType="SHA256"/>
                                <Matched result="HASH_MATCH" value="C:\\Windows\\SysWOW64\\where.exe" remediation="FAILED" hashType="SHA256"/>
                                <Matched result="HASH_MATCH" value="C:\\temp\\where_copy.exe" remediation="SUCCEEDED" hashType="SHA256"/></File>
                            <File name="C:\\temp\\where_copy.exe" action="create">
                                <Matched result="FULL_MATCH" value="C:\\temp\\where_copy.exe" remediation="UNSUPPORTED" hashType="SHA256" hashValue="%1$s"/></File>
                            <File name="MD5" action="create">
                                <Hash name="MD5" value="582f9b6e0cc4c1dbbd772aaaf088cb3a"/>
                                <Matched result="NO_MATCH"/></File>
                        </Files>
                        <Registry>
                        </Registry>
                        <Network/>
                    </OS>
                </Activity>
            </EOC>""".formatted(SHA);

    private static List<InventoryFile> files() {
        return List.of(
                Inventory.malicious("C:\\temp\\where-copy.exe", SHA),
                Inventory.malicious("C:\\Windows\\SysWOW64\\where.exe", SHA),
                Inventory.malicious("C:\\temp\\where_copy.exe", SHA),
                Inventory.malicious("C:\\Users\\x\\other.exe", "00".repeat(32)));
    }

    @Test
    void echoesTheRequestWithMatchesExactlyAsTheReferenceShows() throws XMLStreamException {
        EocRequest request = EocRequest.parse(REQUEST);

        assertThat(EocResult.write(request, files())).isEqualTo(EXPECTED);
    }

    @Test
    void remediationRemovesOnlyUnprotectedHashMatches() throws XMLStreamException {
        EocRequest request = EocRequest.parse(REQUEST);
        assertThat(files()).filteredOn(f -> EocResult.removes(request, f)).extracting(InventoryFile::path)
                .containsExactly("C:\\temp\\where-copy.exe", "C:\\temp\\where_copy.exe");
    }

    @Test
    void fileNameWithoutFolderIsAPartialMatch() throws XMLStreamException {
        EocRequest request = EocRequest.parse("<EOC><ScanType>QUICK_SCAN</ScanType><Activity><OS><Files>"
                + "<File name='where-copy.exe' action='create'><Hash name='SHA256' value=''/></File>"
                + "</Files></OS></Activity></EOC>");
        assertThat(EocResult.evaluate(request.criteria().getFirst(), files(), false))
                .containsExactly(new EocResult.Matched("PARTIAL_MATCH", "C:\\temp\\where-copy.exe", null, "SHA256", SHA));
    }

    @Test
    void emptyActivityStaysEmpty() throws XMLStreamException {
        EocRequest request = EocRequest.parse("\n<EOC creator='Phantom' version='1.1' id='1'>"
                + "<DataSource name='Third-Party Provider' id='1' version='1.0'/><ScanType>QUICK_SCAN</ScanType>"
                + "<Activity></Activity></EOC>");
        assertThat(EocResult.write(request, files())).isEqualTo("""
                <EOC creator="Phantom" version="1.1" id="1">
                    <DataSource name="Third-Party Provider" id="1" version="1.0"/>
                    <ScanType>QUICK_SCAN</ScanType>
                    <Activity>
                    </Activity>
                </EOC>""");
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE EOC [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<EOC><ScanType>&x;</ScanType></EOC>";
        assertThatThrownBy(() -> EocRequest.parse(xxe)).isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> EocRequest.parse("<Other/>")).isInstanceOf(XMLStreamException.class);
    }
}
