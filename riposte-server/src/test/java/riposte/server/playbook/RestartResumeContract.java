package riposte.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import riposte.core.playbook.PlaybookPorts;
import riposte.server.ApiTestBase;
import riposte.server.RiposteServer;
import riposte.server.system.Sql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restart-resume: a server is stopped while a run's call step is executing; another server started on the same
 * database resumes the run and completes it exactly once. The step that was interrupted is executed again as attempt
 * 2 (the one documented re-execution); the note written before it and the one after it are written once each; and
 * when the stopped server's stuck call finally returns, it changes nothing.
 */
abstract class RestartResumeContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Spring arguments pointing both servers at the same database. */
    protected abstract List<String> databaseArguments();

    @Test
    void aRunInterruptedByAStoppedServerIsCompletedOnceByTheNext() throws Exception {
        var recorder = new RecordingPorts.Recorder();
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        String sha = Sql.sha256("restart-" + System.nanoTime());
        recorder.on("ses.fileInsight", sha, RecordingPorts.Recorder.block(entered, release, Map.of("reputation", "STALE")),
                RecordingPorts.Recorder.reply(Map.of("reputation", "GOOD")));

        String runId;
        long indicator;
        try (var first = server(recorder)) {
            int port = port(first);
            indicator = send(port, "POST", "/api/v1/indicators", Map.of("value", sha)).get("id").asLong();
            runId = send(port, "POST", "/api/v1/playbooks/test-slow/runs",
                    Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator)))).get("id").asString();
            assertThat(entered.await(20, TimeUnit.SECONDS)).as("the call step started").isTrue();
            JsonNode midRun = send(port, "GET", "/api/v1/runs/" + runId, null);
            assertThat(midRun.get("state").asString()).isEqualTo("RUNNING");
            assertThat(midRun.get("steps").get(1).get("state").asString()).isEqualTo("RUNNING");
        } // the first server stops with the call still executing

        try (var second = server(recorder)) {
            int port = port(second);
            JsonNode run = await(port, runId, r -> r.get("terminal").asBoolean());
            assertThat(run.get("state").asString()).as("%s", run).isEqualTo("COMPLETED");
            JsonNode steps = run.get("steps");
            assertThat(steps).hasSize(4);
            assertThat(steps.get(0).get("stepId").asString()).isEqualTo("before");
            assertThat(steps.get(1).get("attempt").asInt()).isEqualTo(1);
            assertThat(steps.get(1).get("state").asString()).isEqualTo("FAILED");
            assertThat(steps.get(1).get("error").asString()).startsWith("interrupted");
            assertThat(steps.get(2).get("attempt").asInt()).isEqualTo(2);
            assertThat(steps.get(2).get("state").asString()).isEqualTo("COMPLETED");
            assertThat(steps.get(3).get("stepId").asString()).isEqualTo("after");
            assertThat(recorder.notesOn(String.valueOf(indicator))).containsExactly("before", "after GOOD");
            assertThat(recorder.calls.stream().filter(c -> c.endsWith(sha))).hasSize(2);

            release.countDown(); // the first server's stuck call returns now: it must not write anything
            PlaybookApiContract.sleep(1000);
            JsonNode after = send(port, "GET", "/api/v1/runs/" + runId, null);
            assertThat(after.get("updatedAt")).isEqualTo(run.get("updatedAt"));
            assertThat(after.get("steps")).hasSize(4);
            assertThat(recorder.notesOn(String.valueOf(indicator))).containsExactly("before", "after GOOD");
            JsonNode runs = send(port, "GET", "/api/v1/runs?objectKind=indicator&objectId=" + indicator, null);
            assertThat(runs.get("totalItems").asLong()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    /**
     * A server stops with runs in every unfinished state: queued (waiting in memory for a free advancing thread),
     * running a local step (its transaction never commits), running a call step, waiting between polls, waiting for
     * an approval. Two servers started on the same database find them by their sweeps alone (nobody starts or touches
     * them) and complete each exactly once: every note once, the interrupted call twice (the documented re-attempt),
     * the others once; the approval waits for a person and then completes.
     */
    @Test
    void runsLeftInEveryStateByAStoppedServerAreEachResumedOnceByTheSweep() throws Exception {
        var recorder = new RecordingPorts.Recorder();
        String tag = Long.toString(System.nanoTime(), 36);
        String callSha = Sql.sha256("call-" + tag);
        String localSha = Sql.sha256("local-" + tag);
        var callEntered = new CountDownLatch(1);
        var localEntered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var commandDone = new java.util.concurrent.atomic.AtomicBoolean();
        recorder.on("ses.fileInsight", callSha, RecordingPorts.Recorder.block(callEntered, release,
                Map.of("reputation", "STALE")), RecordingPorts.Recorder.reply(Map.of("reputation", "GOOD")));
        recorder.on("ses.fileInsight", localSha, RecordingPorts.Recorder.reply(Map.of("reputation", "LOCAL")));
        recorder.blockNoteOnce("after LOCAL", localEntered, release);
        Map<String, Long> indicators = new java.util.LinkedHashMap<>();
        Map<String, String> runs = new java.util.LinkedHashMap<>();
        try {
            // two advancing threads: the blocked call and the blocked note take both, so the last run stays queued
            try (var first = server(recorder, "--riposte.playbooks.advance-concurrency=2")) {
                int port = port(first);
                for (var e : Map.of("approval", "approval-" + tag + ".example.com", "poll", "poll-" + tag
                        + ".example.com", "call", callSha, "local", localSha, "queued", "queued-" + tag
                        + ".example.com").entrySet()) {
                    indicators.put(e.getKey(), send(port, "POST", "/api/v1/indicators", Map.of("value", e.getValue()))
                            .get("id").asLong());
                }
                recorder.on("sepm.commandStatus", "cmd-poll-" + tag + ".example.com",
                        in -> Map.of("complete", commandDone.get(), "state", commandDone.get() ? "DONE" : "RUNNING"));
                runs.put("approval", start(port, "test-approval", indicators.get("approval")));
                await(port, runs.get("approval"), r -> r.get("state").asString().equals("WAITING"));
                runs.put("poll", start(port, "test-poll", indicators.get("poll")));
                await(port, runs.get("poll"), r -> r.get("state").asString().equals("WAITING"));
                runs.put("call", start(port, "test-slow", indicators.get("call")));
                assertThat(callEntered.await(20, TimeUnit.SECONDS)).as("the call step started").isTrue();
                runs.put("local", start(port, "test-slow", indicators.get("local")));
                assertThat(localEntered.await(20, TimeUnit.SECONDS)).as("the last note step started").isTrue();
                runs.put("queued", start(port, "test-note", indicators.get("queued")));
                PlaybookApiContract.sleep(300);
                assertThat(send(port, "GET", "/api/v1/runs/" + runs.get("queued"), null).get("state").asString())
                        .isEqualTo("QUEUED");
                assertThat(send(port, "GET", "/api/v1/runs/" + runs.get("poll"), null).get("waitingFor").asString())
                        .isEqualTo("poll:status");
            } // the first server stops: nothing of it advances these runs any more
            commandDone.set(true);

            try (var second = server(recorder); var third = server(recorder)) {
                int port = port(second);
                for (String name : List.of("poll", "call", "local", "queued")) {
                    JsonNode run = await(name.equals("call") ? port(third) : port, runs.get(name),
                            r -> r.get("terminal").asBoolean());
                    assertThat(run.get("state").asString()).as("%s: %s", name, run).isEqualTo("COMPLETED");
                }
                assertThat(recorder.notesOn(String.valueOf(indicators.get("queued")))).hasSize(1);
                assertThat(recorder.notesOn(String.valueOf(indicators.get("poll")))).containsExactly("command DONE");
                assertThat(recorder.notesOn(String.valueOf(indicators.get("call")))).containsExactly("before",
                        "after GOOD");
                assertThat(recorder.calls.stream().filter(c -> c.endsWith(callSha))).hasSize(2);
                assertThat(recorder.notesOn(String.valueOf(indicators.get("local")))).containsExactly("before",
                        "after LOCAL");
                assertThat(recorder.calls.stream().filter(c -> c.endsWith(localSha))).hasSize(1);
                JsonNode local = send(port, "GET", "/api/v1/runs/" + runs.get("local"), null);
                assertThat(local.get("steps")).hasSize(3);

                JsonNode waiting = send(port(third), "GET", "/api/v1/runs/" + runs.get("approval"), null);
                assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
                assertThat(waiting.get("steps")).hasSize(1);
                assertThat(recorder.notesOn(String.valueOf(indicators.get("approval")))).isEmpty();
                send(port(third), "POST", "/api/v1/runs/" + runs.get("approval") + "/approvals/approve",
                        Map.of("approve", true));
                JsonNode approved = await(port, runs.get("approval"), r -> r.get("terminal").asBoolean());
                assertThat(approved.get("state").asString()).isEqualTo("COMPLETED");
                PlaybookApiContract.sleep(1000); // both sweeps look again: nothing runs twice
                assertThat(recorder.notesOn(String.valueOf(indicators.get("approval")))).hasSize(1);
                assertThat(recorder.notesOn(String.valueOf(indicators.get("queued")))).hasSize(1);
                assertThat(recorder.notesOn(String.valueOf(indicators.get("poll")))).hasSize(1);
            }
        } finally {
            release.countDown();
        }
    }

    private String start(int port, String playbook, long indicator) {
        return send(port, "POST", "/api/v1/playbooks/" + playbook + "/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator)))).get("id").asString();
    }

    /**
     * The statements a trivial run (one note step, written by the recording ports: no database work of its own) costs
     * on this database, from its start through its COMPLETED record, counted over 50 runs: the run's insert (leased
     * to the node that starts it), then one transaction with the step's record and the run's final state — no claim,
     * no db-scheduler row of its own, no reading back of what the node just wrote. (Before the sweep: 11 such
     * statements per run.)
     */
    @Test
    void aTrivialRunCostsAHandfulOfStatements() throws Exception {
        var recorder = new RecordingPorts.Recorder();
        var counter = new StatementCounter();
        // a long safety net: the sweep must not take any of these runs from the immediate advance, even on a slow machine
        try (var server = server(recorder, counter, "--riposte.playbooks.safety-net=60s")) {
            int port = port(server);
            PlaybookService service = server.getBean(PlaybookService.class);
            long indicator = send(port, "POST", "/api/v1/indicators",
                    Map.of("value", "statements-" + System.nanoTime() + ".example.com")).get("id").asLong();
            var object = new riposte.core.playbook.ObjectRef(riposte.core.playbook.ObjectKind.INDICATOR, null,
                    String.valueOf(indicator));
            riposte.server.system.Actor system = () -> riposte.server.system.Actor.SYSTEM;
            List<String> warmUp = new ArrayList<>();
            for (int i = 0; i < 5; i++) warmUp.add(service.start("test-note", object, Map.of(), system).id());
            for (String id : warmUp) awaitEnded(service, id);
            int runs = 50;
            counter.start();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < runs; i++) ids.add(service.start("test-note", object, Map.of(), system).id());
            awaitNotes(recorder, indicator, 5 + runs);
            Thread waiter = Thread.ofPlatform().name("not-counted-waiter").start(() -> {
                for (String id : ids) awaitEnded(service, id);
            });
            waiter.join();
            Map<String, Long> counts = counter.stop();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%s: %.1f statements per trivial run%n", getClass().getSimpleName(), total / (double) runs);
            counts.forEach((sql, n) -> System.out.printf("  %6.2f  %s%n", n / (double) runs, sql));
            long engine = counts.entrySet().stream().filter(e -> e.getKey().contains("playbook_")
                    && !e.getKey().startsWith("select id from playbook_runs where due_at") // the sweep's look
                    && !e.getKey().startsWith("update playbook_runs set lease_until = ? where id in")) // heartbeat
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(engine).as("run and step statements of %d runs: %s", runs, counts).isEqualTo(3L * runs);
            assertThat(counts.keySet()).as("no scheduled_tasks row per run")
                    .noneMatch(sql -> sql.startsWith("insert into scheduled_tasks")
                            || sql.startsWith("delete from scheduled_tasks"));
        }
    }

    private static RunView awaitEnded(PlaybookService service, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            RunView run = service.run(runId);
            if (run.terminal()) return run;
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; last: " + run);
            PlaybookApiContract.sleep(20);
        }
    }

    private static void awaitNotes(RecordingPorts.Recorder recorder, long indicator, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (recorder.notesOn(String.valueOf(indicator)).size() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + n + " notes");
            PlaybookApiContract.sleep(20);
        }
    }

    protected ConfigurableApplicationContext server(RecordingPorts.Recorder recorder, String... extra) {
        return server(recorder, null, extra);
    }

    protected ConfigurableApplicationContext server(RecordingPorts.Recorder recorder, StatementCounter counter,
            String... extra) {
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
                "--db-scheduler.shutdown-max-wait=1s", "--logging.level.riposte=WARN"));
        for (String e : extra) { // an extra argument replaces the default of the same key
            args.removeIf(a -> a.startsWith(e.substring(0, e.indexOf('=') + 1)));
            args.add(e);
        }
        return new SpringApplicationBuilder(RiposteServer.class)
                .initializers(ctx -> {
                    ((GenericApplicationContext) ctx).registerBean("recordingPlaybookPorts", PlaybookPorts.class,
                            recorder::ports, definition -> definition.setPrimary(true));
                    if (counter != null) ctx.getBeanFactory().addBeanPostProcessor(counter);
                })
                .run(args.toArray(String[]::new));
    }

    protected static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    protected JsonNode await(int port, String runId, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode run = send(port, "GET", "/api/v1/runs/" + runId, null);
            if (done.test(run)) return run;
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; last: " + run);
            PlaybookApiContract.sleep(50);
        }
    }

    protected JsonNode send(int port, String method, String path, Object body) {
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
