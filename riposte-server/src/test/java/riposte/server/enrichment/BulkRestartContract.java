package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.server.ApiTestBase;
import riposte.server.RiposteServer;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk enrichment job outlives its server: started on one server against a rate-limited SES simulator, the server
 * is stopped mid-job; a new server on the same database answers {@code GET} with the progress made so far, finishes
 * the job, and runs each playbook on each indicator once (runs in flight at the stop are waited for, not repeated).
 */
abstract class BulkRestartContract {
    /** Slow enough (4 lookups a second) that the job is still running when the first server stops. */
    static final SesSimulator SES = SesSimulator.builder().port(0).rateLimitPerSecond(4).build().start();
    static final int FILES = 20;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Spring arguments pointing every server at the same database. */
    protected abstract List<String> databaseArguments();

    /** The test's indicators: malicious files the simulator knows, distinct per test. */
    static List<String> files(int from) {
        return SES.population().maliciousFiles(from + FILES).subList(from, from + FILES).stream()
                .map(f -> f.value()).toList();
    }

    @Test
    void aJobsProgressSurvivesARestartAndTheNextServerFinishesItRunningEachPlaybookOnce() {
        List<String> files = files(0);
        String id;
        int completedBefore;
        try (var first = server(4)) {
            int port = port(first);
            JsonNode started = send(port, "POST", "/api/v1/enrichment/bulk",
                    Map.of("indicators", files, "playbooks", List.of("ses-file-insight")));
            id = started.get("id").asString();
            assertThat(started.get("items")).hasSize(FILES);
            JsonNode progress = await(port, id, j -> j.get("completed").asInt() >= 3);
            assertThat(progress.get("state").asString()).as("%s", progress).isEqualTo("running");
            assertThat(progress.get("items").isNull()).as("?items=false leaves the items out").isTrue();
            completedBefore = progress.get("completed").asInt();
        } // stopped mid-job: its workers stop, the runs in flight stay in the database

        try (var second = server(4)) {
            int port = port(second);
            JsonNode after = send(port, "GET", "/api/v1/enrichment/bulk/" + id + "?items=false", null);
            assertThat(after.get("total").asInt()).isEqualTo(FILES);
            assertThat(after.get("completed").asInt()).as("%s", after).isGreaterThanOrEqualTo(completedBefore);

            await(port, id, j -> j.get("state").asString().equals("completed"));
            JsonNode done = send(port, "GET", "/api/v1/enrichment/bulk/" + id, null);
            assertThat(done.get("completed").asInt()).as("%s", done).isEqualTo(FILES);
            assertThat(done.get("failed").asInt()).isZero();
            assertThat(done.get("finishedAt").isNull()).isFalse();
            for (JsonNode item : done.get("items")) {
                assertThat(item.get("runs")).as("%s", item).hasSize(1);
                JsonNode run = item.get("runs").get(0);
                assertThat(run.get("state").asString()).isEqualTo("completed");
                assertThat(send(port, "GET", "/api/v1/runs/" + run.get("runId").asString(), null).get("state")
                        .asString()).isEqualTo("COMPLETED");
                JsonNode runs = send(port, "GET", "/api/v1/runs?objectKind=indicator&playbook=ses-file-insight"
                        + "&objectId=" + item.get("indicatorId").asLong(), null);
                assertThat(runs.get("totalItems").asLong()).as("runs on %s", item.get("value")).isEqualTo(1);
            }
        }
    }

    /** A server on the database; {@code rateLimit} is its share of the simulator's 4 lookups a second. */
    protected ConfigurableApplicationContext server(double rateLimit) {
        List<String> args = new ArrayList<>(databaseArguments());
        args.addAll(List.of("--server.port=0", "--riposte.server.blob-dir=target/test-blobs",
                "--riposte.security.admin-api-token=" + ApiTestBase.ADMIN_TOKEN,
                "--riposte.security.admin-password=" + ApiTestBase.ADMIN_PASSWORD,
                "--riposte.secrets.key=" + ApiTestBase.SECRET_KEY,
                "--riposte.ses.url=" + SES.baseUrl(), "--riposte.ses.client-id=" + SES.clientId(),
                "--riposte.ses.client-secret=" + SES.clientSecret(), "--riposte.ses.rate-limit=" + rateLimit,
                "--riposte.playbooks.auto-enrichment.enabled=false",
                // a stopped server's runs are taken over quickly (the default lease is a minute)
                "--riposte.playbooks.lease=2s", "--riposte.playbooks.safety-net=1s",
                "--db-scheduler.polling-interval=200ms", "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.shutdown-max-wait=1s", "--logging.level.riposte=WARN"));
        return new SpringApplicationBuilder(RiposteServer.class).run(args.toArray(String[]::new));
    }

    protected static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    /** Polls the job (without its items) until {@code done} holds; fails after two minutes. */
    protected JsonNode await(int port, String id, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode job = send(port, "GET", "/api/v1/enrichment/bulk/" + id + "?items=false", null);
            if (done.test(job)) return job;
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; last: " + job);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Sends as the admin; asserts a 2xx and returns the parsed body. */
    protected JsonNode send(int port, String method, String path, Object body) {
        return new Http(port, json).call(method, path, body);
    }

    /** {@link ApiTestBase}'s HTTP calls, to a server this test started itself. */
    private static final class Http extends ApiTestBase {
        Http(int port, JsonMapper json) {
            this.port = port;
            this.json = json;
        }

        JsonNode call(String method, String path, Object body) {
            Reply reply = send(method, path, body);
            assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isBetween(200, 299);
            return reply.body();
        }
    }
}
