package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmFaultsTest {
    private SepmSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void throttleAnswers429OnceTheWindowThresholdIsReachedThenRecovers() {
        sim = SepmSimulator.builder().endpoints(10).frozenClock(true).rateLimitPerMinute(4).build().start();
        SepmTestClient client = new SepmTestClient(sim).login(); // call 1
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(200);
        }

        var throttled = client.get("/sepm/api/v1/domains");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("errorCode").asString()).isEqualTo("429");
        assertThat(throttled.raw().headers().firstValue("Retry-After")).hasValue("60");
        sim.advance(Duration.ofSeconds(61));
        assertThat(client.get("/sepm/api/v1/domains").status()).isEqualTo(200);
        assertThat(sim.stats().http().tooManyRequests()).isEqualTo(1);
    }

    @Test
    void errorRateInjects5xxWithTheSepmBody() {
        sim = SepmSimulator.builder().endpoints(10).frozenClock(true).errorRate(1.0).build().start();
        SepmTestClient client = new SepmTestClient(sim);

        var reply = client.get("/sepm/api/v1/version");

        assertThat(reply.status()).isIn(500, 502, 503);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo(Integer.toString(reply.status()));
        assertThat(reply.json().get("appErrorCode").asString()).isEmpty();
        assertThat(sim.stats().http().injected5xx()).isEqualTo(1);
        assertThat(client.get("/_sim/stats").status()).isEqualTo(200); // hooks are never faulted
    }

    @Test
    void injectedErrorsFollowTheSeed() {
        String first = pattern(99);
        assertThat(pattern(99)).isEqualTo(first).contains("200").containsPattern("50[023]");
    }

    private String pattern(long seed) {
        try (var s = SepmSimulator.builder().endpoints(5).seed(seed).errorRate(0.5).https(false).build().start()) {
            SepmTestClient client = new SepmTestClient(s);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                out.append(client.get("/sepm/api/v1/version").status()).append(' ');
            }
            return out.toString();
        }
    }

    @Test
    void statsAndClockHooksNeedNoAuth() {
        sim = SepmSimulator.builder().endpoints(25).frozenClock(true).build().start();
        SepmTestClient client = new SepmTestClient(sim);
        long before = sim.clock().toEpochMilli();

        JsonNode advanced = client.post("/_sim/clock?seconds=90", "").json();

        assertThat(advanced.get("epochMillis").asLong()).isEqualTo(before + 90_000);
        assertThat(client.post("/_sim/clock?advance=PT1M", "").json().get("epochMillis").asLong())
                .isEqualTo(before + 150_000);
        client.get("/sepm/api/v1/domains");
        JsonNode stats = client.get("/_sim/stats").json();
        assertThat(stats.get("unauthorized").asLong()).isEqualTo(1);
        assertThat(stats.get("calls").get("GET /sepm/api/v1/domains").asLong()).isEqualTo(1);
        assertThat(stats.get("sepm").get("endpoints").asInt()).isEqualTo(25);
    }
}
