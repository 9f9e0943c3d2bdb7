package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SesAuthTest {

    private final MutableClock clock = new MutableClock();
    private final SesSimulator sim = SesSimulator.builder().clock(clock).tokenTtl(Duration.ofSeconds(60)).build().start();
    private final SesHttp http = new SesHttp(sim);
    private final String sha = sim.population().maliciousFile(3).value();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void tokenReplyHasAccessTokenAsFirstKeyAndTheConfiguredTtl() {
        var response = http.tokenResponse("Basic " + sim.oauthCredentials(), "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).startsWith("{\"access_token\":\"");
        var json = SesHttp.json(response.body());
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(60);
        assertThat(sim.stats().tokensIssued()).isEqualTo(1);
    }

    @Test
    void defaultTtlIsOneHour() {
        try (var other = SesSimulator.builder().build().start()) {
            var body = new SesHttp(other).tokenResponse("Basic " + other.oauthCredentials(), "").body();
            assertThat(SesHttp.json(body).get("expires_in").asLong()).isEqualTo(3600);
        }
    }

    @Test
    void urlSafeBase64AndFormFieldsAreAccepted() {
        try (var other = SesSimulator.builder().credentials("app~~~", "s>>>?").build().start()) {
            byte[] pair = "app~~~:s>>>?".getBytes(StandardCharsets.UTF_8);
            String standard = Base64.getEncoder().encodeToString(pair);
            String urlSafe = Base64.getUrlEncoder().encodeToString(pair);
            assertThat(urlSafe).isNotEqualTo(standard); // the credentials were chosen to differ
            var otherHttp = new SesHttp(other);

            assertThat(otherHttp.tokenResponse("Basic " + standard, "").statusCode()).isEqualTo(200);
            assertThat(otherHttp.tokenResponse("Basic " + urlSafe, "").statusCode()).isEqualTo(200);
            assertThat(otherHttp.tokenResponse(null, "client_id=app%7E%7E%7E&client_secret=s%3E%3E%3E%3F")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badOrMissingCredentialsGet401WithMessage() {
        String wrong = Base64.getEncoder().encodeToString("riposte-sim:nope".getBytes(StandardCharsets.UTF_8));

        var bad = http.tokenResponse("Basic " + wrong, "");
        var missing = http.tokenResponse(null, "");

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(SesHttp.json(bad.body()).get("message").asString()).isNotBlank();
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(sim.stats().tokensIssued()).isZero();
    }

    @Test
    void apiCallsWithoutOrWithUnknownTokenGet401() {
        var none = http.get("/v1/threat-intel/insight/file/" + sha, null);
        var unknown = http.get("/v1/threat-intel/insight/file/" + sha, "not-a-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(sim.stats().unauthorized()).isEqualTo(2);
    }

    @Test
    void tokenStopsWorkingOnceItsTtlHasPassed() {
        String token = http.token();
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(59));
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, token).statusCode()).isEqualTo(401);
    }

    @Test
    void expireTokensHookAndJavaAccessorInvalidateIssuedTokens() {
        String first = http.token();
        var hook = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/_sim/expire-tokens"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(hook.statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, first).statusCode()).isEqualTo(401);

        String second = http.token();
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, second).statusCode()).isEqualTo(200);
        sim.expireAllTokens();
        assertThat(http.get("/v1/threat-intel/insight/file/" + sha, second).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyGetIsAllowedOnThreatIntelPaths() {
        var post = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/v1/threat-intel/insight/file/" + sha))
                .header("Authorization", "Bearer " + http.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        var getToken = http.get("/v1/oauth2/tokens", null);

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(getToken.statusCode()).isEqualTo(405);
    }

    @Test
    void legacyTenantHeadersAreAcceptedAndIgnored() {
        var response = http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/v1/threat-intel/insight/file/" + sha))
                .header("Authorization", "Bearer " + http.token())
                .header("x-epmp-customer-id", "c-1").header("x-epmp-domain-id", "d-1").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SesHttp.json(response.body()).get("reputation").asString()).isEqualTo("BAD");
    }

    @Test
    void journalKeepsRequestsButNeverTheCredentials() {
        String token = http.token();
        http.get("/v1/threat-intel/insight/file/" + sha, token);

        var last = sim.journal().last();
        assertThat(last.template()).isEqualTo("GET /v1/threat-intel/insight/file/{sha256}");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("Authorization")).isEqualTo("Bearer <redacted>");
        assertThat(sim.journal().recent().toString()).doesNotContain(token).doesNotContain(sim.oauthCredentials());
    }
}
