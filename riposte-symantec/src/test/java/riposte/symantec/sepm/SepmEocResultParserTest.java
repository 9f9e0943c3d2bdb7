package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SepmEocResultParserTest {
    /** The hash-remediation result of reference §4.3 (fn_sep mock), Threat trimmed. */
    static final String REMEDIATION = """
            <EOC creator="Resilient" version="1.0" id="id">
                <DataSource name="name" id="id" version="version"/>
                <ScanType>FULL_SCAN</ScanType>
                <RemediationAction>REMEDIATE</RemediationAction>
                <Threat time="" severity="" type="" category=""><Description>x</Description><URL></URL><User></User><proxy ip=""/></Threat>
                <Activity>
                    <OS id="0" name="name" version="version">
                        <Process>
                        </Process>
                        <Files>
                            <File name="C:\\temp\\where_copy.exe" action="create">
                                <Hash name="SHA256" value="BFE4FD78454A"/>
                                <Matched result="HASH_MATCH" value="C:\\temp\\where-copy.exe" remediation="FAILED" hashType="SHA256"/>
                                <Matched result="HASH_MATCH" value="C:\\Windows\\SysWOW64\\where.exe" remediation="SUCCEEDED" hashType="SHA256"/>
                                <Matched result="HASH_MATCH" value="C:\\Windows\\SysWOW64\\where.exe" remediation="SUCCEEDED" hashType="SHA256"/></File>
                            <File name="C:\\temp\\where_copy.exe" action="create">
                                <Matched result="FULL_MATCH" value="C:\\temp\\where_copy.exe" remediation="UNSUPPORTED" hashType="SHA256" hashValue="BFE4FD78454A"/></File>
                        </Files>
                        <Registry>
                        </Registry>
                        <Network/>
                    </OS>
                </Activity>
            </EOC>""";

    @Test
    void parsesHashAndFullMatchesWithRemediationOutcomes() {
        EocResult r = EocResultParser.parse(REMEDIATION);
        assertThat(r.scanType()).isEqualTo("FULL_SCAN");
        assertThat(r.remediationAction()).isEqualTo("REMEDIATE");
        assertThat(r.criteria()).hasSize(2);
        assertThat(r.criteria().get(0).hashes()).containsEntry("SHA256", "bfe4fd78454a");
        assertThat(r.criteria().get(1).hashes()).isEmpty();
        assertThat(r.matches()).containsExactly(
                new EocMatch.HashMatch("C:\\temp\\where-copy.exe", "SHA256", Remediation.FAILED),
                new EocMatch.HashMatch("C:\\Windows\\SysWOW64\\where.exe", "SHA256", Remediation.SUCCEEDED),
                new EocMatch.FullMatch("C:\\temp\\where_copy.exe", "SHA256", "bfe4fd78454a", Remediation.UNSUPPORTED));
        assertThat(r.remediatedCount()).isEqualTo(1);
        assertThat(r.remediationFailedCount()).isEqualTo(1);
        assertThat(r.matched()).isTrue();
    }

    @Test
    void noMatchAndUnknownResultsAndPartialMatches() {
        String xml = """
                <EOC><ScanType>QUICK_SCAN</ScanType><Activity><OS><Files>
                  <File name="" action="create"><Hash name="MD5" value="582f9b6e0cc4c1dbbd772aaaf088cb3a"/><Matched result="NO_MATCH"/></File>
                  <File name="evil.exe"><Matched result="PARTIAL_MATCH" value="C:\\evil.exe.bak" hashType="SHA256" hashValue="AB"/></File>
                  <File name="x"><Matched result="SOMETHING_NEW" value="C:\\x"/></File>
                </Files></OS></Activity></EOC>""";
        EocResult r = EocResultParser.parse(xml);
        assertThat(r.remediationAction()).isNull();
        assertThat(r.criteria().get(0).matches()).containsExactly(new EocMatch.NoMatch());
        assertThat(r.matches()).containsExactly(
                new EocMatch.PartialMatch("C:\\evil.exe.bak", "SHA256", "ab", Remediation.NOT_REQUESTED),
                new EocMatch.OtherMatch("SOMETHING_NEW", "C:\\x", Remediation.NOT_REQUESTED));
    }

    @Test
    void emptyActivityIsNoCriteria() {
        EocResult r = EocResultParser.parse("\n<EOC creator='Phantom' version='1.1' id='1'><ScanType>QUICK_SCAN</ScanType><Activity></Activity></EOC>");
        assertThat(r.criteria()).isEmpty();
        assertThat(r.matched()).isFalse();
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE EOC [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <EOC><ScanType>&xxe;</ScanType></EOC>""";
        assertThatThrownBy(() -> EocResultParser.parse(xxe)).isInstanceOf(SepmProtocolException.class)
                .hasMessageContaining("not well-formed");
        String bomb = """
                <!DOCTYPE EOC [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><EOC>&b;</EOC>""";
        assertThatThrownBy(() -> EocResultParser.parse(bomb)).isInstanceOf(SepmProtocolException.class);
    }

    @Test
    void rejectsNonEocAndMalformedDocuments() {
        assertThatThrownBy(() -> EocResultParser.parse("<html><body>error</body></html>"))
                .isInstanceOf(SepmProtocolException.class).hasMessageContaining("<html>");
        assertThatThrownBy(() -> EocResultParser.parse("<EOC><Activity>")).isInstanceOf(SepmProtocolException.class);
    }

    @Test
    void commandStatusRowExposesParsedResultAndTimes() {
        CommandStatus row = new CommandStatus("89AD1BBB0946C25D25E6C0984E971D8A", "WIN", "10.0.0.1", "Default", "root",
                null, 3, 0, "", "2019-06-06T10:42:37Z", "2019-06-06T10:45:39Z", null, REMEDIATION);
        assertThat(row.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(row.begin()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2019-06-06T10:42:37Z"));
        assertThat(row.eocResult()).hasValueSatisfying(r -> assertThat(r.matches()).hasSize(3));
        CommandStatus pending = new CommandStatus("89AD1BBB0946C25D25E6C0984E971D8A", null, null, null, null, null, 0, 0,
                null, null, null, null, null);
        assertThat(pending.eocResult()).isEmpty();
        assertThat(pending.begin()).isEmpty();
        assertThat(pending.state().terminal()).isFalse();
        assertThat(new CommandStatus(null, null, null, null, null, null, 42, 131, null, "garbage", null, null, "").state())
                .isEqualTo(CommandState.UNKNOWN);
        assertThat(CommandSubState.describe(131)).isEqualTo("Quarantine delete failed");
    }
}
