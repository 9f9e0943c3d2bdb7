package riposte.server.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import riposte.core.playbook.FunctionInvoker;
import riposte.core.playbook.PlaybookPorts;
import riposte.server.ApiTestBase;
import riposte.server.RiposteServer;
import riposte.simulator.fault.Fault;
import riposte.simulator.sepm.SepmSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands are durable records, never sent twice: a run that scans, polls, uploads, polls and downloads is stopped
 * in the middle of its command steps, after SEPM answered and before the engine recorded the step (what a kill -9
 * at that moment leaves), and resumed by the next server on the same database; the SEPM simulator counts the
 * commands it received. And when a server is stopped while SEPM's answer to a command is still on its way (the one
 * window Riposte cannot close, since SEPM's API cannot list the commands it queued), the next server does not send
 * it again: the step fails saying so.
 */
abstract class SepmCommandsRestartContract {
    /** Shared by the H2 and PostgreSQL classes (a static of this class), and left to the JVM's exit to stop. */
    static final SepmSimulator SIM = SepmTestSimulator.start();
    static final Path PEM = SepmTestSimulator.pem(SIM);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Spring arguments pointing every server at the same database. */
    protected abstract List<String> databaseArguments();

    /** Holds the server's function calls of one step after they returned, as if the process died right there. */
    static final class Gate {
        final String stepId;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Gate(String stepId) {
            this.stepId = stepId;
        }

        FunctionInvoker around(FunctionInvoker real) {
            return new FunctionInvoker() {
                @Override
                public Map<String, Object> invoke(String function, Map<String, Object> inputs) {
                    return real.invoke(function, inputs);
                }

                @Override
                public Map<String, Object> invoke(String function, Map<String, Object> inputs, Call call) {
                    Map<String, Object> reply = real.invoke(function, inputs, call);
                    if (call != null && stepId.equals(call.stepId())) {
                        reached.countDown();
                        // Deaf to the interrupt of the stopping server, as a process that died is: the step can
                        // only end once the server is gone, and then it changes nothing.
                        boolean interrupted = false;
                        while (true) {
                            try {
                                release.await();
                                break;
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                        if (interrupted) Thread.currentThread().interrupt();
                    }
                    return reply;
                }
            };
        }
    }

    @Test
    void aRunStoppedAfterEachCommandIsSentIsResumedWithoutSendingAnyTwice() throws Exception {
        List<String> targets = SIM.computersHolding(SepmTestSimulator.PLANTED_SHA256).stream().limit(2).toList();
        int before = SIM.stats().commands();
        String runId;
        long indicator;
        Gate afterScan = new Gate("scan");
        try (var first = server(afterScan)) {
            int port = port(first);
            indicator = indicator(port);
            runId = send(port, "POST", "/api/v1/playbooks/test-sepm-commands/runs", Map.of("object",
                    Map.of("kind", "indicator", "id", String.valueOf(indicator)), "inputs",
                    Map.of("computers", String.join(",", targets)))).get("id").asString();
            assertThat(afterScan.reached.await(30, TimeUnit.SECONDS)).as("the scan was sent: %s",
                    send(port, "GET", "/api/v1/runs/" + runId, null)).isTrue();
            assertThat(SIM.stats().commands()).isEqualTo(before + 1);
        } finally {
            afterScan.release.countDown(); // the stopped server's step ends now: it must change nothing
        }

        Gate afterUpload = new Gate("upload");
        try (var second = server(afterUpload)) {
            assertThat(afterUpload.reached.await(60, TimeUnit.SECONDS)).as("the run resumed to the upload").isTrue();
            assertThat(SIM.stats().commands()).as("the scan was not sent again; the upload once")
                    .isEqualTo(before + 2);
        } finally {
            afterUpload.release.countDown();
        }

        try (var third = server(null)) {
            int port = port(third);
            JsonNode run = await(port, runId, r -> r.get("terminal").asBoolean());
            assertThat(run.get("state").asString()).as("%s", run).isEqualTo("COMPLETED");
            assertThat(SIM.stats().commands()).as("two commands in all").isEqualTo(before + 2);
            List<JsonNode> scans = steps(run, "scan");
            assertThat(scans).hasSize(2);
            assertThat(scans.get(0).get("state").asString()).isEqualTo("FAILED");
            assertThat(scans.get(1).get("outputs").get("reused").asBoolean()).isTrue();
            assertThat(scans.get(1).get("outputs").get("commandId").asString()).matches("[0-9A-F]{32}");
            List<JsonNode> uploads = steps(run, "upload");
            assertThat(uploads.getLast().get("outputs").get("reused").asBoolean()).isTrue();
            JsonNode file = steps(run, "file").getLast().get("outputs");
            assertThat(file.get("sha256").asString()).isEqualTo(SepmTestSimulator.PLANTED_SHA256);
        }
    }

    @Test
    void aServerStoppedWhileSepmsAnswerIsOnItsWayLeavesTheCommandSentOnce() throws Exception {
        List<String> targets = SIM.computersHolding(SepmTestSimulator.PLANTED_SHA256).stream().limit(1).toList();
        int before = SIM.stats().commands();
        String runId;
        // SEPM queues the scan at once, then takes 8 s to finish its answer: the server is stopped before then
        SIM.enqueue(Fault.slowBody(Duration.ofSeconds(8)).onPath("/sepm/api/v1/command-queue/eoc"));
        try (var first = server(null)) {
            int port = port(first);
            runId = send(port, "POST", "/api/v1/playbooks/test-sepm-commands/runs", Map.of("object",
                    Map.of("kind", "indicator", "id", String.valueOf(indicator(port))), "inputs",
                    Map.of("computers", String.join(",", targets)))).get("id").asString();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (SIM.stats().commands() == before) {
                assertThat(System.nanoTime()).as("the scan reached SEPM").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        try (var second = server(null)) {
            JsonNode run = await(port(second), runId, r -> r.get("terminal").asBoolean());
            assertThat(run.get("state").asString()).as("%s", run).isEqualTo("FAILED");
            assertThat(run.get("failure").toString()).contains("does not send it again");
            assertThat(SIM.stats().commands()).as("the scan was sent once").isEqualTo(before + 1);
        }
    }

    private long indicator(int port) {
        return send(port, "POST", "/api/v1/indicators", Map.of("value", SepmTestSimulator.PLANTED_SHA256))
                .get("id").asLong();
    }

    private static List<JsonNode> steps(JsonNode run, String stepId) {
        List<JsonNode> out = new ArrayList<>();
        run.get("steps").forEach(s -> {
            if (s.get("stepId").asString().equals(stepId)) out.add(s);
        });
        return out;
    }

    private ConfigurableApplicationContext server(Gate gate) {
        List<String> args = new ArrayList<>(databaseArguments());
        args.addAll(List.of("--server.port=0", "--riposte.server.blob-dir=target/test-blobs",
                "--riposte.security.admin-api-token=" + ApiTestBase.ADMIN_TOKEN,
                "--riposte.security.admin-password=" + ApiTestBase.ADMIN_PASSWORD,
                "--riposte.secrets.key=" + ApiTestBase.SECRET_KEY,
                "--riposte.playbooks.dir=src/test/resources/test-playbooks",
                "--riposte.playbooks.auto-enrichment.enabled=false",
                "--riposte.playbooks.lease=2s", "--riposte.playbooks.safety-net=1s",
                "--riposte.playbooks.sweep-interval=200ms",
                "--db-scheduler.polling-interval=200ms", "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.shutdown-max-wait=1s", "--logging.level.riposte=WARN",
                "--riposte.sepm.url=" + SIM.baseUrl(), "--riposte.sepm.username=" + SIM.username(),
                "--riposte.sepm.password=" + SIM.password(), "--riposte.sepm.ca-cert=" + PEM));
        var builder = new SpringApplicationBuilder(RiposteServer.class);
        if (gate != null) {
            builder.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("gatedPlaybookPorts",
                    PlaybookPorts.class, () -> {
                        PlaybookPorts real = ctx.getBean("playbookPorts", PlaybookPorts.class);
                        return new PlaybookPorts(gate.around(real.functions()), real.attributes(), real.notes(),
                                real.reports(), real.tables(), real.attachments(), real.indicators());
                    }, definition -> definition.setPrimary(true)));
        }
        return builder.run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    private JsonNode await(int port, String runId, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = send(port, "GET", "/api/v1/runs/" + runId, null);
            if (done.test(run)) return run;
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; last: " + run);
            Thread.sleep(100);
        }
    }

    private JsonNode send(int port, String method, String path, Object body) {
        String text = body == null ? null : json.writeValueAsString(body);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ApiTestBase.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
