package riposte.symantec.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riposte.core.enrichment.FileInsight;
import riposte.core.enrichment.NetworkInsight;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Sha256;
import riposte.symantec.http.AuthenticationException;
import riposte.symantec.http.FakeTime;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.UnsupportedIndicatorException;
import riposte.symantec.http.UpstreamException;
import riposte.symantec.ses.RecordingSesServer.Reply;

/** Wire-level behaviour against a scripted loopback server: headers, encoding, retries, tokens, redirects. */
class SesClientWireTest {
    static final String ID = "client-id-123";
    static final String SECRET = "s3cr3t-VALUE";
    static final Sha256 SHA = (Sha256) IndicatorParser.parse("eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d");

    private RecordingSesServer server;
    private final FakeTime time = new FakeTime();
    private SesClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingSesServer();
        client = clientFor(server.baseUrl()).build();
    }

    SesClient.Builder clientFor(String baseUrl) {
        return SesClient.builder().baseUrl(baseUrl).credentials(SesCredentials.ofClientIdAndSecret(ID, SECRET))
                .sleeper(time).clock(time).rateGovernorRegistry(new RateGovernor.Registry());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void tokenRequestIsExactlyAsDocumentedAndReused() {
        client.fileInsight(SHA);
        client.fileProtection(SHA);
        assertThat(server.tokenRequests()).hasSize(1);
        RecordingSesServer.Recorded token = server.tokenRequests().get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(token.header("Accept")).isEqualTo("application/json");
        assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.body()).isEmpty();
        assertThat(server.apiRequests()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("Authorization")).isEqualTo("Bearer tok-1");
            assertThat(r.header("Accept")).isEqualTo("application/json");
        });
        assertThat(server.apiRequests()).extracting(RecordingSesServer.Recorded::rawPath).containsExactly(
                "/v1/threat-intel/insight/file/" + SHA.value(), "/v1/threat-intel/protection/file/" + SHA.value());
    }

    @Test
    void urlIsSentWithoutSchemeAsOneEncodedSegment() {
        Indicator url = IndicatorParser.parse("http://elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png");
        NetworkInsight ni = client.networkInsight(url);
        assertThat(server.apiRequests().get(0).rawPath())
                .isEqualTo("/v1/threat-intel/insight/network/elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png");
        assertThat(ni.echo()).isEqualTo("elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png");
        assertThat(ni.isEmpty()).isTrue();
        client.networkInsight(IndicatorParser.parse("https://evil-site.com:8443/a?b=c"));
        assertThat(server.apiRequests().get(1).rawPath())
                .isEqualTo("/v1/threat-intel/insight/network/evil-site.com%3A8443%2Fa%3Fb%3Dc");
    }

    @Test
    void unacceptedTypesFailBeforeAnyRequest() {
        Indicator md5 = IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e");
        assertThatThrownBy(() -> client.fetch(SesEndpoint.FILE_INSIGHT, md5))
                .isInstanceOf(UnsupportedIndicatorException.class)
                .hasMessageContaining("the file endpoints take SHA-256 only; MD5 is not accepted");
        assertThatThrownBy(() -> client.networkInsight(IndicatorParser.parse("2001:db8::1")))
                .isInstanceOf(UnsupportedIndicatorException.class).hasMessageContaining("IPv6");
        assertThatThrownBy(() -> client.networkProtection(SHA)).isInstanceOf(UnsupportedIndicatorException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void expiredTokenIsRefreshedOnceThenRetried() {
        client.fileInsight(SHA);
        server.enqueueApi(Reply.of(401, "{\"message\":\"Unauthorized\"}"));
        FileInsight fi = client.fileInsight(SHA);
        assertThat(fi.echo()).isEqualTo(SHA.value());
        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.apiRequests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void persistent401IsAnAuthenticationFailureAfterOneRefresh() {
        server.enqueueApi(Reply.of(401, "{\"message\":\"Unauthorized\"}"), Reply.of(401, "{\"message\":\"Unauthorized\"}"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Unauthorized");
        assertThat(server.tokenRequests()).hasSize(2);
    }

    @Test
    void badCredentialsFailFastWithoutRetriesOrSecretsInMessages() {
        server.enqueueToken(Reply.of(401, "{\"message\":\"invalid client\"}"));
        assertThatThrownBy(() -> client.fileInsight(SHA))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid client")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET)
                        .doesNotContain(Base64.getEncoder().encodeToString((ID + ":" + SECRET).getBytes())));
        assertThat(server.requests).hasSize(1);
        assertThat(client.toString()).doesNotContain(SECRET);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() {
        server.enqueueApi(Reply.of(429, "{\"message\":\"Too Many Requests\"}").header("Retry-After", "3"),
                Reply.of(503, "").header("Retry-After", "1"), Reply.of(502, "<html>bad gateway</html>"));
        FileInsight fi = client.fileInsight(SHA);
        assertThat(fi.echo()).isEqualTo(SHA.value());
        assertThat(server.apiRequests()).hasSize(4);
        assertThat(time.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(3)) >= 0)).isNotEmpty();
        assertThat(time.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) >= 0).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void exhaustedRetriesCarryStatusMessageAndRetriable() {
        for (int i = 0; i < 5; i++) server.enqueueApi(Reply.of(503, "{\"message\":\"Service Unavailable\"}"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.serviceMessage()).isEqualTo("Service Unavailable");
            assertThat(e.retriable()).isTrue();
            assertThat(e.attempts()).isEqualTo(5);
        });
        assertThat(server.apiRequests()).hasSize(5);
    }

    @Test
    void slowAnswerPastTheReadTimeoutIsRetried() {
        try (SesClient fast = clientFor(server.baseUrl()).readTimeout(Duration.ofMillis(300)).build()) {
            server.enqueueApi(Reply.of(200, "{\"file\":\"late\"}").stall(1500));
            FileInsight fi = fast.fileInsight(SHA);
            assertThat(fi.echo()).isEqualTo(SHA.value());
            assertThat(server.apiRequests()).hasSize(2);
        }
    }

    @Test
    void redirectsAreFollowedWithAuthorizationReSent() throws Exception {
        try (RecordingSesServer regional = new RecordingSesServer()) {
            // "localhost" vs "127.0.0.1": a different host, so OkHttp's own follow-up would strip Authorization.
            server.enqueueApi(Reply.of(307, "").header("Location",
                    "http://localhost:" + regional.port() + "/v1/threat-intel/insight/file/" + SHA.value()));
            FileInsight fi = client.fileInsight(SHA);
            assertThat(fi.echo()).isEqualTo(SHA.value());
            assertThat(regional.apiRequests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer tok-1"));
        }
    }

    @Test
    void redirectsToPlainHttpElsewhereAreRefused() {
        server.enqueueApi(Reply.of(302, "").header("Location", "http://evil-site.com/steal"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("non-https");
    }

    @Test
    void redirectsToForeignHostsAreRefusedSoTokensStayHome() {
        server.enqueueApi(Reply.of(307, "").header("Location", "https://evil-site.com/v1/threat-intel/x"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("untrusted host");
    }

    @Test
    void forbiddenExplainsPrivilegesAndRegion() {
        server.enqueueApi(Reply.of(403, "{\"message\":\"Forbidden\"}"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("privileges").hasMessageContaining("api.sep.eu.securitycloud.symantec.com");
    }

    @Test
    void notFoundIsNoDataAndBadRequestIsNotRetried() {
        server.enqueueApi(Reply.of(404, ""));
        assertThat(client.fileInsight(SHA).isEmpty()).isTrue();
        server.enqueueApi(Reply.of(400, "not json at all"));
        assertThatThrownBy(() -> client.fileInsight(SHA)).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.retriable()).isFalse();
            assertThat(e.serviceMessage()).isNull();
        });
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void plainHttpIsRefusedUnlessLoopback() {
        assertThatThrownBy(() -> clientFor("http://api.sep.securitycloud.symantec.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        clientFor("http://localhost:1").build().close();
        clientFor("https://api.sep.eu.securitycloud.symantec.com").build().close();
    }

    @Test
    void credentialsNeverShowInToString() {
        String oauth = Base64.getEncoder().encodeToString((ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        SesCredentials a = SesCredentials.ofOAuthCredentials("Basic " + oauth);
        SesCredentials b = SesCredentials.ofOAuthCredentials(oauth);
        assertThat(a).isEqualTo(b).isEqualTo(SesCredentials.ofClientIdAndSecret(ID, SECRET));
        assertThat(a.clientId()).isEqualTo(ID);
        assertThat(a.toString()).doesNotContain(SECRET).doesNotContain(oauth);
        assertThat(client.newBuilder().build().toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> SesCredentials.ofOAuthCredentials("!!not base64!!"))
                .hasMessageNotContaining("!!not base64!!");
    }

    @Test
    void proxyIsUsedAndProxyAuthenticationAnswered() {
        // The recording server plays the proxy; the API host behind it does not exist.
        server.enqueueToken(Reply.of(407, "").header("Proxy-Authenticate", "Basic realm=\"corp\""));
        try (SesClient proxied = clientFor("http://localhost:9")
                .proxy(riposte.symantec.http.ProxySettings.of("127.0.0.1", server.port()).withAuth("alice", "pw"))
                .build()) {
            assertThat(proxied.fileInsight(SHA).echo()).isEqualTo(SHA.value());
        }
        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.tokenRequests().get(1).header("Proxy-Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("alice", "pw"));
    }

    @Test
    void tokenWithoutExpiresInLastsAnHourMinusTheMargin() {
        server.enqueueToken(Reply.of(200, "{\"access_token\":\"a\",\"token_type\":\"bearer\"}"));
        client.fileInsight(SHA);
        time.advance(Duration.ofSeconds(3600 - 61));
        client.fileInsight(SHA);
        assertThat(server.tokenRequests()).hasSize(1);
        time.advance(Duration.ofSeconds(2));
        client.fileInsight(SHA);
        assertThat(server.tokenRequests()).hasSize(2);
        assertThat(server.apiRequests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer a", "Bearer a", "Bearer tok-1");
    }
}
