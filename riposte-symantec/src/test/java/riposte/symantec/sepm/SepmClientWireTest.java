package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.RetryPolicy;
import tools.jackson.databind.JsonNode;

/**
 * What goes on the wire, and the failure paths the simulator cannot inject per call, against captured reference
 * bodies served by MockWebServer (plain http on loopback).
 */
class SepmClientWireTest {
    static final String TOKEN = "{\"token\":\"abcd1234-a123-123a-123a-123456abcdef\",\"tokenExpiration\":43199,\"adminId\":\"AF3C39A10A320801000000DBF200C60A\"}";
    static final String COMPUTER = "89AD1BBB0946C25D25E6C0984E971D8A";
    static final String SHA256 = "bfe4fd78f2e1a3c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2454a";

    MockWebServer server;
    SepmClient sepm;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sepm = SepmClient.builder().baseUrl(server.url("/").uri()).credentials("admin", "p%ss w+rd", "")
                .sleeper(waits::add).rateGovernorRegistry(new RateGovernor.Registry())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5))).maxAttempts(3)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    RecordedRequest take() throws InterruptedException {
        return server.takeRequest();
    }

    static JsonNode body(RecordedRequest r) {
        return SepmJson.MAPPER.readTree(r.getBody().string(StandardCharsets.UTF_8));
    }

    @Test
    void authenticationBodyEocRequestAndLogoutAreAsSepmExpects() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(200, "{\"commandID_computer\":\"0F0CBDD7EDFF4634B23FA11F5AB81FFC\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());
        CommandIds ids = sepm.eocScan(EocRequest.scan(ScanType.QUICK_SCAN,
                Targets.computers(COMPUTER, "236A7100A9FE9DC50A4F1AC2819C158E")).sha256(SHA256).remediate(true).build());
        sepm.close();
        assertThat(ids.forComputers()).hasValue("0F0CBDD7EDFF4634B23FA11F5AB81FFC");

        RecordedRequest auth = take();
        assertThat(auth.getUrl().encodedPath()).isEqualTo("/sepm/api/v1/identity/authenticate");
        assertThat(auth.getHeaders().get("Authorization")).isNull();
        JsonNode a = body(auth);
        assertThat(a.get("username").asString()).isEqualTo("admin");
        assertThat(a.get("password").asString()).isEqualTo("p%25ss%20w%2Brd");
        assertThat(a.get("domain").asString()).isEmpty();

        RecordedRequest eoc = take();
        assertThat(eoc.getMethod()).isEqualTo("POST");
        assertThat(eoc.getUrl().encodedPath()).isEqualTo("/sepm/api/v1/command-queue/eoc");
        assertThat(eoc.getUrl().queryParameter("computer_ids")).isEqualTo(COMPUTER + ",236A7100A9FE9DC50A4F1AC2819C158E");
        assertThat(eoc.getUrl().queryParameter("group_ids")).isNull();
        assertThat(eoc.getHeaders().get("Authorization")).isEqualTo("Bearer abcd1234-a123-123a-123a-123456abcdef");
        assertThat(eoc.getHeaders().get("Content-Type")).startsWith("application/xml");
        String xml = eoc.getBody().string(StandardCharsets.UTF_8);
        assertThat(EocResultParser.parse(xml).remediationAction()).isEqualTo("REMEDIATE");
        assertThat(EocResultParser.parse(xml).criteria().getFirst().hashes()).containsEntry("SHA256", SHA256);

        RecordedRequest logout = take();
        assertThat(logout.getUrl().encodedPath()).isEqualTo("/sepm/api/v1/identity/logout");
        assertThat(logout.getHeaders().get("Authorization")).isEqualTo("Bearer abcd1234-a123-123a-123a-123456abcdef");
        assertThat(body(logout).get("adminId").asString()).isEqualTo("AF3C39A10A320801000000DBF200C60A");
    }

    @Test
    void aCommandIsNotRepeatedAfterA5xx() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(500, "{\"errorCode\":\"500\",\"appErrorCode\":\"\",\"errorMessage\":\"The web service encountered an error while processing the web request.\"}"));
        assertThatThrownBy(() -> sepm.quarantine(Targets.computers(COMPUTER)))
                .isInstanceOfSatisfying(SepmApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo("500");
                    assertThat(e.getMessage()).contains("not repeated").contains("encountered an error");
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aCommandIsNotRepeatedAfterTheConnectionDrops() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        assertThatThrownBy(() -> sepm.cancelCommand("0F0CBDD7EDFF4634B23FA11F5AB81FFC"))
                .isInstanceOf(SepmUnavailableException.class).hasMessageContaining("not repeated");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReadIsRetriedAfter503AndA429IsRetriedEvenForACommand() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(503, "<html>busy</html>"));
        server.enqueue(json(200, "[]"));
        assertThat(sepm.domains()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3);

        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"errorCode\":\"429\",\"errorMessage\":\"Too many requests\"}").build());
        server.enqueue(json(200, "{\"commandID\":\"C9456A597A0E42A89F243B8A537A056D\"}"));
        assertThat(sepm.uploadFile(List.of(COMPUTER), "C:\\temp\\a.exe", SHA256, FileSource.BOTH)).isEqualTo("C9456A597A0E42A89F243B8A537A056D");
        assertThat(waits).anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        take(); take(); take(); take();
        RecordedRequest upload = take();
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/sepm/api/v1/command-queue/files");
        assertThat(upload.getUrl().queryParameter("sha256")).isEqualTo(SHA256);
        assertThat(upload.getUrl().queryParameter("file_path")).isEqualTo("C:\\temp\\a.exe");
        assertThat(upload.getUrl().queryParameter("source")).isEqualTo("BOTH");
    }

    @Test
    void theOAuthStyle401AfterReauthenticationIsAnAuthenticationError() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(401, "{\"error\":\"invalid_token\",\"error_description\":\"Access token expired\"}"));
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(401, "{\"errorCode\":\"401\",\"appErrorCode\":\"\",\"errorMessage\":\"insufficient rights\"}"));
        assertThatThrownBy(sepm::onlineStatus).isInstanceOf(SepmAuthenticationException.class)
                .hasMessageContaining("insufficient rights").hasMessageContaining("system administrator")
                .hasMessageNotContaining("abcd1234");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void fingerprintListFallsBackToV2WhenV1SaysTryV2() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(400, "{\"errorCode\":\"400\",\"appErrorCode\":\"\",\"errorMessage\":\"This FingerprintList is not supported by V1, please try V2!\"}"));
        server.enqueue(json(200, "{\"id\":\"B5F9985ED6C449A6905A0D570A5733FC\",\"name\":\"B\",\"data\":[{\"MD5\":\"FF8C0539FF8C0539FF8C0539FF8C0539\",\"SHA256\":\"" + SHA256.toUpperCase() + "\"}]}"));
        FingerprintList list = sepm.fingerprintList("B5F9985ED6C449A6905A0D570A5733FC").orElseThrow();
        assertThat(list.fingerprints()).hasSize(2);
        take();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/sepm/api/v1/policy-objects/fingerprints/B5F9985ED6C449A6905A0D570A5733FC");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/sepm/api/v2/policy-objects/fingerprints/B5F9985ED6C449A6905A0D570A5733FC");

        server.enqueue(json(410, "{\"errorCode\":\"410\",\"appErrorCode\":\"\",\"errorMessage\":\"Fingerprint list with ID Blacklist2 do not exist\"}"));
        assertThat(sepm.fingerprintListByName("Blacklist2", null)).isEmpty();
        assertThat(take().getUrl().queryParameter("name")).isEqualTo("Blacklist2");
    }

    @Test
    void moveSendsGroupAndHardwareKeyAndReadsThe207() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(207, "[{\"responseCode\":\"200\",\"responseMessage\":\"OK\"}]"));
        List<MoveResult> r = sepm.moveComputers("CC00A6170946C25D35BD115E41F2F92C", List.of("1771D79454E53469DF4B290C06C104C9"));
        assertThat(r).singleElement().satisfies(m -> assertThat(m.succeeded()).isTrue());
        take();
        RecordedRequest patch = take();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        JsonNode item = body(patch).get(0);
        assertThat(item.get("group").get("id").asString()).isEqualTo("CC00A6170946C25D35BD115E41F2F92C");
        assertThat(item.get("hardwareKey").asString()).isEqualTo("1771D79454E53469DF4B290C06C104C9");
    }

    @Test
    void goesThroughTheConfiguredProxy() throws Exception {
        try (SepmClient proxied = SepmClient.builder().baseUrl(java.net.URI.create("http://127.0.0.9:8446"))
                .credentials("admin", "secret", "").proxy(riposte.symantec.http.ProxySettings.of("127.0.0.1", server.getPort()))
                .rateGovernorRegistry(new RateGovernor.Registry()).build()) {
            server.enqueue(json(200, TOKEN));
            server.enqueue(json(200, "{\"version\":\"14.3.25029.9000\"}"));
            server.enqueue(json(204, ""));
            assertThat(proxied.version().version()).isNotNull();
        }
        assertThat(take().getTarget()).isEqualTo("http://127.0.0.9:8446/sepm/api/v1/identity/authenticate");
        assertThat(take().getTarget()).isEqualTo("http://127.0.0.9:8446/sepm/api/v1/version");
    }

    @Test
    void malformedJsonIsAProtocolError() throws Exception {
        server.enqueue(json(200, TOKEN));
        server.enqueue(json(200, "{\"content\": [oops"));
        assertThatThrownBy(() -> sepm.computers(ComputerQuery.all()).toList()).isInstanceOf(SepmProtocolException.class)
                .satisfies(e -> assertThat(((SepmException) e).errorKind().name()).isEqualTo("MALFORMED_REPLY"));
    }
}
