package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SepmRecordsTest {
    /** Reference §3.3 sample (fn_sep mock), with the lower-case duplicates and the group path in name. */
    static final String COMPUTERS = """
            {"sort":[{"direction":"ASC","property":"COMPUTER_NAME","ascending":true}],"number":0,"firstPage":true,"lastPage":true,
             "totalPages":1,"size":20,"totalElements":1,"numberOfElements":1,
             "content":[{"computerName":"WIN-4OA0GKJN830","uniqueId":"D31AA16E0946C25D40C83823C500518B","hardwareKey":"1771D79454E53469DF4B290C06C104C9",
               "ipAddresses":["192.168.194.93"],"macAddresses":["00-50-56-8B-A6-C3","00-50-56-8B-A6-C3"],"onlineStatus":1,"infected":0,
               "lastUpdateTime":1552471481568,"lastScanTime":1552465622000,"lastVirusTime":1551350764000,"osName":"Windows Server 2012","osname":"Windows Server 2012",
               "quarantineStatus":0,"someNewField":{"x":1},"apOnOff":"1",
               "group":{"domain":{"id":"908090000946C25D330E919313D23887","name":"Default"},"name":"My Company","fullPathName":null,
                        "externalReferenceId":null,"source":null,"id":"CAD80F000946C25D6C150831060AA326"}}]}""";

    static <T> T read(String json, Class<?> raw, Class<?>... params) throws Exception {
        return SepmJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                params.length == 0 ? SepmJson.type(raw) : SepmJson.type(raw, params), "test");
    }

    @Test
    void computerPageIsReadTolerantly() throws Exception {
        Page<Computer> page = read(COMPUTERS, Page.class, Computer.class);
        assertThat(page.number()).isZero();
        assertThat(page.lastPage()).isTrue();
        Computer c = page.content().getFirst();
        assertThat(c.uniqueId()).isEqualTo("D31AA16E0946C25D40C83823C500518B");
        assertThat(c.osName()).isEqualTo("Windows Server 2012");
        assertThat(c.distinctMacAddresses()).containsExactly("00-50-56-8B-A6-C3");
        assertThat(c.group().path()).isEqualTo("My Company");
        assertThat(c.group().domain().name()).isEqualTo("Default");
        assertThat(c.quarantineStatus()).isEqualTo("0");
        assertThat(c.apOnOff()).isEqualTo(1);
        assertThat(c.online()).isTrue();
        assertThat(c.lastUpdateTime()).isEqualTo(1552471481568L);
    }

    @Test
    void groupsFingerprintListsCommandIdsAndStatsAreRead() throws Exception {
        Page<Group> groups = read("""
                {"content":[{"id":"459F58A0AC1F211B0743E90D2F0C32A1","name":"Default Group","fullPathName":"My Company\\\\Default Group",
                  "createdBy":"AF3C39A10A320801000000DBF200C60A      ","policyInheritanceEnabled":true,
                  "childGroups":[{"id":"559F58A0AC1F211B0743E90D2F0C32A1","name":"Child"}]}],
                 "totalPages":1,"firstPage":true,"lastPage":true,"totalElements":1,"size":25,"number":0,
                 "sort":[{"direction":"ASC","property":"NAME","ascending":true}],"numberOfElements":1}""", Page.class, Group.class);
        Group g = groups.content().getFirst();
        assertThat(g.fullPathName()).isEqualTo("My Company\\Default Group");
        assertThat(g.createdBy()).isEqualTo("AF3C39A10A320801000000DBF200C60A");
        assertThat(g.childGroups()).extracting(Group::name).containsExactly("Child");

        FingerprintList v1 = read("""
                {"description":"d","hashType":"MD5","source":"WEBSERVICE","groupIds":[],"data":["582F9B6E0CC4C1DBBD772AAAF088CB3A"],
                 "id":"B5F9985ED6C449A6905A0D570A5733FC","name":"Blacklist"}""", FingerprintList.class);
        assertThat(v1.fingerprints()).containsExactly(new Fingerprint("MD5", "582f9b6e0cc4c1dbbd772aaaf088cb3a"));
        assertThat(v1.contains("582F9B6E0CC4C1DBBD772AAAF088CB3A")).isTrue();
        FingerprintList v2 = read("""
                {"id":"B5F9985ED6C449A6905A0D570A5733FC","name":"B","data":[{"SHA256":"9A4E"},{"MD5":"FF8C","SHA256":"02E1"}]}""", FingerprintList.class);
        assertThat(v2.fingerprints()).containsExactly(new Fingerprint("SHA256", "9a4e"), new Fingerprint("MD5", "ff8c"), new Fingerprint("SHA256", "02e1"));

        CommandIds ids = new CommandIds(Map.of("commandID_computer", "A", "commandID_group", "B"));
        assertThat(ids.forComputers()).hasValue("A");
        assertThat(ids.single()).hasValue("A");
        assertThat(new CommandIds(Map.of("commandID", "C")).single()).hasValue("C");

        OnlineStatusCounts counts = read("""
                {"lastUpdated":1,"clientCountStatsList":[{"status":"Online","clientsCount":3},{"status":"Offline","clientsCount":2}]}""", OnlineStatusCounts.class);
        assertThat(counts.count("online")).isEqualTo(3);
        assertThat(counts.count("Offline")).isEqualTo(2);
        CriticalEvents ev = read("""
                {"lastUpdated":1719410558000,"totalUnacknowledgedMessages":1,"criticalEventsInfoList":[{"eventId":"E","eventDateTime":"2024-06-26 14:02:38.0",
                 "subject":"Server Health Alert","message":"m","acknowledged":0}]}""", CriticalEvents.class);
        assertThat(ev.criticalEventsInfoList()).extracting(CriticalEvents.Event::subject).containsExactly("Server Health Alert");
        SepmVersion v = read("{\"API_SEQUENCE\":\"240604011\",\"API_VERSION\":\"14.3.9000\",\"version\":\"14.3.25029.9000\"}", SepmVersion.class);
        assertThat(v.apiVersion()).isEqualTo("14.3.9000");
        assertThat(new MoveResult("K", "G", "200", "OK").succeeded()).isTrue();
        assertThat(new MoveResult("K", "G", "410", "gone").succeeded()).isFalse();
    }

    @Test
    void passwordIsPercentEncodedSoSepmsUrlDecodingRestoresIt() {
        for (String pw : List.of("p%ss", "a+b c", "100%", "ünïcødé&=?/#", "%2B")) {
            SepmCredentials c = new SepmCredentials("admin", pw, null);
            assertThat(URLDecoder.decode(c.encodedPassword(), StandardCharsets.UTF_8)).isEqualTo(pw);
            assertThat(c.encodedPassword()).doesNotContain("+").doesNotContain(" ");
            assertThat(c.toString()).doesNotContain(pw).contains("***");
            assertThat(c.domain()).isEmpty();
        }
        assertThat(new UserToken("secret-token", 3600L, null, "admin", "", null).toString()).doesNotContain("secret-token");
    }

    @Test
    void tokenIsRenewedShortlyBeforeExpiry() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(TokenManager.renewAt(t, 3600L)).isEqualTo(t.plus(Duration.ofSeconds(3540)));
        assertThat(TokenManager.renewAt(t, 100L)).isEqualTo(t.plusSeconds(90));
        assertThat(TokenManager.renewAt(t, null)).isNull();
        assertThat(TokenManager.renewAt(t, 0L)).isNull();
    }

    @Test
    void errorBodiesBecomeTypedExceptions() {
        SepmException e = SepmErrors.failure(410, "{\"errorCode\":\"410\",\"appErrorCode\":\"\",\"errorMessage\":\"Fingerprint list with ID Blacklist2 do not exist\"}", "getting list");
        assertThat(e).isInstanceOf(SepmApiException.class).hasMessageContaining("HTTP 410").hasMessageContaining("do not exist");
        SepmApiException a = (SepmApiException) e;
        assertThat(a.errorCode()).isEqualTo("410");
        assertThat(a.appErrorCode()).isEmpty();
        assertThat(a.notFound()).isTrue();
        assertThat(a.retriable()).isFalse();
        assertThat(a.errorKind().name()).isEqualTo("UPSTREAM");
        SepmApiException v2 = (SepmApiException) SepmErrors.failure(400, "{\"errorMessage\":\"This FingerprintList is not supported by V1, please try V2!\"}", "x");
        assertThat(SepmErrors.tryV2(v2)).isTrue();
        assertThat(SepmErrors.notFound(v2)).isFalse();
        SepmException auth = SepmErrors.failure(401, "{\"error\":\"invalid_token\",\"error_description\":\"Access token expired\"}", "listing computers");
        assertThat(auth).isInstanceOf(SepmAuthenticationException.class).hasMessageContaining("Access token expired");
        assertThat(auth.errorKind().name()).isEqualTo("AUTHENTICATION");
        SepmApiException html = (SepmApiException) SepmErrors.failure(503, "<html><body>Service Unavailable</body></html>", "x");
        assertThat(html.errorMessage()).isNull();
        assertThat(html.retriable()).isTrue();
        assertThat(((SepmApiException) SepmErrors.failure(500, "{\"message\":\"boom\"}", "x")).errorMessage()).isEqualTo("boom");
        SepmApiException app = (SepmApiException) SepmErrors.failure(400, "{\"errorCode\":\"400\",\"appErrorCode\":\"4104\",\"errorMessage\":\"m\"}", "x");
        assertThat(app).hasMessageContaining("SEPM code 4104");
    }

    @Test
    void commandProgressLooksAtEveryRow_theFirstRowBugIsFixed() {
        Instant sent = Instant.parse("2026-01-01T00:00:00Z");
        CommandStatus done = row(3);
        CommandStatus waiting = row(0);
        Duration timeout = Duration.ofMinutes(30);
        assertThat(CommandProgress.of(List.of(), sent, timeout, sent.plusSeconds(5)).overall()).isEqualTo(CommandProgress.Overall.WAITING);
        CommandProgress p = CommandProgress.of(List.of(done, waiting), sent, timeout, sent.plusSeconds(60));
        assertThat(p.overall()).isEqualTo(CommandProgress.Overall.IN_PROGRESS);
        assertThat(p.pending()).containsExactly(waiting);
        assertThat(p.count(CommandState.COMPLETED)).isEqualTo(1);
        assertThat(CommandProgress.of(List.of(done, waiting), sent, timeout, sent.plus(timeout)).overall()).isEqualTo(CommandProgress.Overall.TIMED_OUT);
        assertThat(CommandProgress.of(List.of(done, done), sent, timeout, sent).overall()).isEqualTo(CommandProgress.Overall.COMPLETED);
        assertThat(CommandProgress.of(List.of(done, row(6)), sent, timeout, sent).overall()).isEqualTo(CommandProgress.Overall.FINISHED_WITH_FAILURES);
    }

    private static CommandStatus row(int state) {
        return new CommandStatus("89AD1BBB0946C25D25E6C0984E971D8A", "c", null, null, null, null, state, 0, null, null, null, null, null);
    }
}
