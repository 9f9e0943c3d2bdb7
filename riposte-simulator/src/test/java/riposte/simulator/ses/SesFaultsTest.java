package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import riposte.simulator.fault.Fault;

/** Simulator-only behaviours: rate limit, error rate, enqueued faults, region redirect, stats. */
class SesFaultsTest {

    private static final String INSIGHT = "/v1/threat-intel/insight/file/";

    @Test
    void rateLimitAnswers429WithRetryAfterUntilTheBucketRefills() {
        var clock = new MutableClock(); // frozen unless advanced: the bucket only refills when the test says so
        try (var sim = SesSimulator.builder().clock(clock).rateLimitPerSecond(3).build().start()) {
            var http = new SesHttp(sim);
            String token = http.token(); // permit 1
            String path = INSIGHT + sim.population().maliciousFile(0).value();
            assertThat(http.get(path, token).statusCode()).isEqualTo(200); // 2
            assertThat(http.get(path, token).statusCode()).isEqualTo(200); // 3

            HttpResponse<String> limited = http.get(path, token);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(limited.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");

            clock.advance(Duration.ofSeconds(1));
            assertThat(http.get(path, token).statusCode()).isEqualTo(200);
            assertThat(sim.stats().tooManyRequests()).isEqualTo(1);
        }
    }

    @Test
    void errorRateInjectsServerErrors() {
        try (var sim = SesSimulator.builder().errorRate(1.0).build().start()) {
            var http = new SesHttp(sim);
            for (int k = 0; k < 10; k++) {
                int status = http.get(INSIGHT + sim.population().maliciousFile(0).value(), "t").statusCode();
                assertThat(status).isIn(500, 502, 503);
            }
            assertThat(sim.stats().injected5xx()).isEqualTo(10);
        }
    }

    @Test
    void enqueuedFaultsFireOnceInOrder() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String token = http.token();
            String path = INSIGHT + sim.population().maliciousFile(0).value();
            sim.enqueue(Fault.status(429).retryAfter(2));
            sim.enqueue(Fault.status(503).times(2));

            var first = http.get(path, token);
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(http.get(path, token).statusCode()).isEqualTo(503);
            assertThat(http.get(path, token).statusCode()).isEqualTo(503);
            assertThat(http.get(path, token).statusCode()).isEqualTo(200);
            assertThat(sim.stats().injected5xx()).isEqualTo(2);
        }
    }

    @Test
    void faultRestrictedToAPathLeavesOtherPathsAlone() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            sim.enqueue(Fault.status(500).onPath("/v1/threat-intel/protection/"));
            String token = http.token();
            String sha = sim.population().maliciousFile(0).value();
            assertThat(http.get(INSIGHT + sha, token).statusCode()).isEqualTo(200);
            assertThat(http.get("/v1/threat-intel/protection/file/" + sha, token).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void disconnectDropsTheConnectionOnce() throws Exception {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String token = http.token();
            String path = INSIGHT + sim.population().maliciousFile(0).value();
            sim.enqueue(Fault.disconnect());

            // A raw socket, because java.net.http transparently retries a GET whose pooled connection drops.
            try (var socket = new Socket(sim.baseUrl().getHost(), sim.baseUrl().getPort())) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(socket.getInputStream().read()).isEqualTo(-1); // closed without a single byte
            }
            assertThat(http.get(path, token).statusCode()).isEqualTo(200);
            assertThat(sim.journal().recent()).anyMatch(r -> r.status() == 0);
        }
    }

    @Test
    void stallOutlastsAClientTimeout() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String token = http.token();
            sim.enqueue(Fault.stall(Duration.ofSeconds(30)));
            var request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + INSIGHT + sim.population().maliciousFile(0).value()))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(200)).GET().build();

            assertThatThrownBy(() -> http.send(request)).hasCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void expireTokenFaultInvalidatesTheTokenOfTheNextCall() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String path = INSIGHT + sim.population().maliciousFile(0).value();
            sim.enqueue(Fault.expireToken()); // the token request carries no bearer and must not consume it
            String token = http.token();

            assertThat(http.get(path, token).statusCode()).isEqualTo(401);
            assertThat(http.get(path, token).statusCode()).isEqualTo(401);
            assertThat(http.get(path, http.token()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void regionRedirectSendsApiCallsToTheRegionalListenerWhichStillNeedsTheBearer() {
        try (var sim = SesSimulator.builder().regionRedirect(true).build().start()) {
            var http = new SesHttp(sim);
            String token = http.token(); // the token endpoint is not redirected
            String path = "/v1/threat-intel/insight/network/elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png";

            var redirect = http.get(path, token);
            assertThat(redirect.statusCode()).isEqualTo(307);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo(sim.regionalBaseUrl() + path);
            assertThat(sim.regionalBaseUrl()).isNotEqualTo(sim.baseUrl());

            var followed = http.get(URI.create(location.substring(0, location.indexOf("/v1/"))), path, token);
            assertThat(followed.statusCode()).isEqualTo(200);
            assertThat(SesHttp.json(followed.body()).get("network").asString()).contains("%2F");
            assertThat(http.get(sim.regionalBaseUrl(), path, null).statusCode()).isEqualTo(403);
            assertThat(http.get(sim.regionalBaseUrl(), path, "forged").statusCode()).isEqualTo(401);
            assertThat(sim.stats().redirects()).isEqualTo(1);
        }
    }

    @Test
    void oneShotRedirectFaultRedirectsOnlyOnce() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String token = http.token();
            String path = INSIGHT + sim.population().maliciousFile(0).value();
            sim.enqueue(Fault.redirect());

            assertThat(http.get(path, token).statusCode()).isEqualTo(307);
            assertThat(http.get(path, token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void statsEndpointCountsCallsPerTemplateAndOutcomes() {
        try (var sim = SesSimulator.builder().build().start()) {
            var http = new SesHttp(sim);
            String token = http.token();
            for (int i = 0; i < 12; i++) {
                http.get(INSIGHT + sim.population().file(i).value(), token);
            }
            http.get("/v1/threat-intel/protection/cve/CVE-2023-35311", token);
            http.get(INSIGHT + sim.population().file(0).value(), null);

            var stats = SesHttp.json(http.get("/_sim/stats", null).body());
            assertThat(stats.get("calls").get("GET /v1/threat-intel/insight/file/{sha256}").asLong()).isEqualTo(13);
            assertThat(stats.get("calls").get("GET /v1/threat-intel/protection/cve/{cve}").asLong()).isEqualTo(1);
            assertThat(stats.get("calls").get("POST /v1/oauth2/tokens").asLong()).isEqualTo(1);
            assertThat(stats.get("tokensIssued").asLong()).isEqualTo(1);
            assertThat(stats.get("unauthorized").asLong()).isEqualTo(1);
            assertThat(stats.get("tooManyRequests").asLong()).isZero();
            assertThat(stats.get("calls").has("GET /_sim/stats")).isFalse();
            assertThat(sim.stats().calls("GET /v1/threat-intel/insight/file/{sha256}")).isEqualTo(13);
        }
    }

    @Test
    void latencyRangeStillAnswers() {
        try (var sim = SesSimulator.builder().latency(Duration.ofMillis(1), Duration.ofMillis(5)).build().start()) {
            var http = new SesHttp(sim);
            assertThat(http.get(INSIGHT + sim.population().file(1).value(), http.token()).statusCode()).isEqualTo(200);
        }
    }
}
