package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SepmIdentityTest {
    private SepmSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SepmTestClient start(SepmSimulator.Builder builder) {
        sim = builder.endpoints(20).frozenClock(true).build().start();
        return new SepmTestClient(sim);
    }

    @Test
    void authenticatesOverHttpsWithTheGeneratedCertificate() {
        SepmTestClient client = start(SepmSimulator.builder());
        assertThat(sim.baseUrl().getScheme()).isEqualTo("https");
        assertThat(sim.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");

        var reply = client.authenticate("admin", SepmSimulator.DEFAULT_PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token").asString()).isNotBlank();
        assertThat(reply.json().get("tokenExpiration").asLong()).isEqualTo(Duration.ofHours(12).toSeconds());
        assertThat(reply.json().get("role").get("bitMask").asInt()).isEqualTo(8);
    }

    @Test
    void wrongPasswordIs401WithTheSepmErrorBody() {
        SepmTestClient client = start(SepmSimulator.builder());
        var reply = client.authenticate("admin", "nope");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo("401");
        assertThat(reply.json().get("appErrorCode").asString()).isEmpty();
        assertThat(reply.json().get("errorMessage").asString()).isNotBlank();
    }

    @Test
    void passwordIsUrlDecodedAndABadPercentEscapeIs400() {
        SepmTestClient client = start(SepmSimulator.builder().password("50%off"));

        var raw = client.authenticate("admin", "50%off");
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.json().get("errorMessage").asString())
                .isEqualTo("URLDecoder: Illegal hex characters in escape (%) pattern");
        var trailing = client.authenticate("admin", "50%");
        assertThat(trailing.json().get("errorMessage").asString())
                .isEqualTo("URLDecoder: Incomplete trailing escape (%) pattern");
        assertThat(client.authenticate("admin", "50%25off").status()).isEqualTo(200);
    }

    @Test
    void versionNeedsNoToken() {
        SepmTestClient client = start(SepmSimulator.builder());
        var reply = client.get("/sepm/api/v1/version");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").asString()).isEqualTo("14.3.25029.9000");
        assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIs401UntilReauthentication() {
        SepmTestClient client = start(SepmSimulator.builder().tokenTtl(Duration.ofMinutes(30))).login();
        assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(200);

        sim.advance(Duration.ofMinutes(31));

        var reply = client.get("/sepm/api/v1/domains");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo("401");
        assertThat(reply.json().get("errorMessage").asString()).contains("unauthorized");
        client.login();
        assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(200);
    }

    @Test
    void oauthStyle401OnRequest() {
        SepmTestClient client = start(SepmSimulator.builder().oauthStyle401(true));
        var reply = client.get("/sepm/api/v1/domains");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asString()).isEqualTo("invalid_token");
        assertThat(reply.json().has("error_description")).isTrue();
    }

    @Test
    void logoutIs204AndEndsTheToken() {
        SepmTestClient client = start(SepmSimulator.builder()).login();
        assertThat(client.post("/sepm/api/v1/identity/logout", "{}").status()).isEqualTo(204);
        assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(401);
    }

    @Test
    void servesPlainHttpOnRequest() {
        SepmTestClient client = start(SepmSimulator.builder().https(false)).login();
        assertThat(sim.baseUrl().getScheme()).isEqualTo("http");
        assertThat(sim.certificatePem()).isNull();
        assertThat(client.get("/sepm/api/v1/domains").json().isArray()).isTrue();
    }
}
