package riposte.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static riposte.server.playbook.RecordingPorts.Recorder.failTransiently;
import static riposte.server.playbook.RecordingPorts.Recorder.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Durable playbook runs over HTTP: start, follow, complete; waiting for a retry and a poll; approvals and who may give
 * them; cancel; validation problems; applicable flags; a rule trigger on a new indicator. Runs on H2 and PostgreSQL
 * with the test playbooks of {@code src/test/resources/test-playbooks} and {@link RecordingPorts}.
 */
@Import(RecordingPorts.class)
// Its own H2 database: the other H2 test contexts share one, and their schedulers (without these ports) would pick up
// these runs' durable checks — as a node of a cluster would.
@TestPropertySource(properties = {"riposte.playbooks.safety-net=2s",
        "spring.datasource.url=jdbc:h2:mem:riposte-playbook-test;DB_CLOSE_DELAY=-1"})
abstract class PlaybookApiContract extends ApiTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    RecordingPorts.Recorder recorder;

    @Autowired
    PlaybookService service;

    @Test
    void listsBuiltInUserAndInvalidPlaybooks() {
        JsonNode all = get("/api/v1/playbooks").body();
        assertThat(byId(all, "ses-file-insight").get("builtIn").asBoolean()).isTrue();
        assertThat(byId(all, "ses-file-insight").get("triggers").get(0).asString()).isEqualTo("rule: true");
        JsonNode note = byId(all, "test-note");
        assertThat(note.get("builtIn").asBoolean()).isFalse();
        assertThat(note.get("inputs").get(1).get("options").get(1).asString()).isEqualTo("high");
        JsonNode broken = byId(all, "src/test/resources/test-playbooks/test-broken.yml");
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("problems").get(0).asString())
                .startsWith("src/test/resources/test-playbooks/test-broken.yml:9:5: unknown step type 'writeAtributes'");
        assertThat(get("/api/v1/playbooks/test-note").get("steps").get(0).asString()).isEqualTo("note (note)");
        problem(get("/api/v1/playbooks/test-broken"), 404);
    }

    @Test
    void aRunIsStartedFollowedAndCompletedWithItsStepLog() {
        long indicator = indicator(unique("run") + ".example.com");
        Reply started = start("test-note", indicator, Map.of("text", "hi", "level", "HIGH".toLowerCase()));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String id = started.get("id").asString();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/runs/" + id);
        assertThat(started.get("trigger").get("kind").asString()).isEqualTo("MANUAL");

        JsonNode run = await(id, r -> r.get("terminal").asBoolean());
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("outputs").get("said").asString()).isEqualTo("note: hi");
        assertThat(run.get("inputs").get("level").asString()).isEqualTo("high");
        assertThat(run.get("steps")).hasSize(1);
        assertThat(run.get("steps").get(0).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("steps").get(0).get("type").asString()).isEqualTo("note");
        assertThat(recorder.notesOn(String.valueOf(indicator))).containsExactly("note: hi (high)");

        JsonNode list = get("/api/v1/runs?objectKind=indicator&objectId=" + indicator).body();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("steps").isNull()).isTrue();
        assertThat(get("/api/v1/runs?playbook=test-note&state=completed").get("totalItems").asLong()).isPositive();
        JsonNode audit = get("/api/v1/audit?objectType=playbook-run&objectId=" + id).body();
        assertThat(audit.toString()).contains("start");
    }

    /** What the console's "Playbook runs" tab lists: runs on the incident, its artifacts and its rows, no others. */
    @Test
    void runsOfAnIncidentAreThoseOnItItsArtifactsAndItsRows() {
        long incident = created(post("/api/v1/incidents", Map.of("name", unique("runs"))));
        long other = created(post("/api/v1/incidents", Map.of("name", unique("other"))));
        long artifact = created(post("/api/v1/incidents/" + incident + "/artifacts", Map.of("value", "runs.example.com")));
        long elsewhere = created(post("/api/v1/incidents/" + other + "/artifacts", Map.of("value", "runs.example.com")));
        long row = created(post("/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_details/rows",
                Map.of("cells", Map.of("computer_name", "RUNS-1", "endpoint_quarantine_status", "Un-Quarantined"))));
        var ids = new java.util.ArrayList<String>();
        for (var object : List.of(Map.of("kind", "artifact", "id", String.valueOf(artifact)),
                Map.of("kind", "row", "table", "sep_endpoint_details", "id", String.valueOf(row)),
                Map.of("kind", "incident", "id", String.valueOf(incident)),
                Map.of("kind", "artifact", "id", String.valueOf(elsewhere)))) {
            String playbook = switch (object.get("kind")) {
                case "artifact" -> "test-console-artifact";
                case "row" -> "test-console-row";
                default -> "test-console-incident";
            };
            Reply started = post("/api/v1/playbooks/" + playbook + "/runs", Map.of("object", object,
                    "inputs", playbook.equals("test-console-artifact") ? Map.of("scanType", "QUICK_SCAN") : Map.of()));
            assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
            ids.add(started.get("id").asString());
        }
        var page = service.runsOfIncident(incident, new riposte.server.system.PageQuery(0, 10));
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.items()).extracting(RunView::id).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        assertThat(service.runsOfIncident(other, new riposte.server.system.PageQuery(0, 10)).items())
                .extracting(RunView::id).containsExactly(ids.get(3));
    }

    @Test
    void badRequestsNameTheFieldAndWhatIsAccepted() {
        long indicator = indicator(unique("bad") + ".example.com");
        problem(start("no-such-playbook", indicator, Map.of()), 404);
        assertThat(field(start("test-note", indicator, Map.of("level", "mid")))).isEqualTo("inputs.level");
        JsonNode two = problem(start("test-note", indicator, Map.of("nope", 1, "count", "many")), 400);
        assertThat(two.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("inputs.nope", "inputs.count");
        assertThat(field(post("/api/v1/playbooks/test-note/runs", Map.of("object", Map.of("kind", "thing", "id", "1")))))
                .isEqualTo("object.kind");
        assertThat(field(post("/api/v1/playbooks/test-note/runs", Map.of("inputs", Map.of())))).isEqualTo("object");
        assertThat(field(post("/api/v1/playbooks/test-note/runs",
                Map.of("object", Map.of("kind", "indicator", "id", "999999999"))))).isEqualTo("object.id");
        assertThat(field(post("/api/v1/playbooks/test-note/runs",
                Map.of("object", Map.of("kind", "indicator", "id", "abc"))))).isEqualTo("object.id");
        JsonNode notApplicable = problem(start("test-retry", indicator, Map.of()), 400);
        assertThat(notApplicable.get("errors").get(0).get("message").asString()).contains("indicator.type == 'sha256'");
        assertThat(field(get("/api/v1/runs?state=sleeping"))).isEqualTo("state");
        assertThat(field(get("/api/v1/playbooks?objectKind=indicator"))).isEqualTo("objectId");
        problem(get("/api/v1/runs/no-such-run"), 404);
    }

    @Test
    void playbooksForAnObjectSayWhichApplyAndTheirLatestRun() {
        long domain = indicator(unique("applicable") + ".example.com");
        JsonNode before = get("/api/v1/playbooks?objectKind=indicator&objectId=" + domain).body();
        assertThat(applicable(before, "test-note").get("applicable").asBoolean()).isTrue();
        assertThat(applicable(before, "test-retry").get("applicable").asBoolean()).isFalse();
        assertThat(applicable(before, "test-retry").get("reason").asString()).contains("does not hold");
        assertThat(applicable(before, "ses-network-insight").get("applicable").asBoolean()).isTrue();
        assertThat(applicable(before, "ses-file-insight").get("applicable").asBoolean()).isFalse();
        assertThat(applicable(before, "test-note").get("latestRun").isNull()).isTrue();

        String id = start("test-note", domain, Map.of()).get("id").asString();
        await(id, r -> r.get("terminal").asBoolean());
        JsonNode after = get("/api/v1/playbooks?objectKind=indicator&objectId=" + domain).body();
        assertThat(applicable(after, "test-note").get("latestRun").get("id").asString()).isEqualTo(id);
        problem(get("/api/v1/playbooks?objectKind=indicator&objectId=999999999"), 404);
    }

    @Test
    void aTransientFailureWaitsForItsRetryAndThenCompletes() {
        String sha = sha256();
        long indicator = indicator(sha);
        recorder.on("ses.fileInsight", sha, failTransiently("429 from SES"), reply(Map.of("reputation", "BAD")));
        String id = start("test-retry", indicator, Map.of()).get("id").asString();
        JsonNode waiting = await(id, r -> r.get("state").asString().equals("WAITING") || r.get("terminal").asBoolean());
        assertThat(waiting.get("waitingFor").asString()).isEqualTo("retry:insight");
        assertThat(waiting.get("wakeAt").isNull()).isFalse();

        JsonNode run = await(id, r -> r.get("terminal").asBoolean());
        assertThat(run.get("state").asString()).as("%s", run).isEqualTo("COMPLETED");
        assertThat(run.get("outputs").get("reputation").asString()).isEqualTo("BAD");
        JsonNode steps = run.get("steps");
        assertThat(steps.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(steps.get(0).get("state").asString()).isEqualTo("FAILED");
        assertThat(steps.get(0).get("errorKind").asString()).isEqualTo("TRANSIENT");
        assertThat(steps.get(1).get("attempt").asInt()).isEqualTo(2);
        assertThat(steps.get(1).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(recorder.notesOn(String.valueOf(indicator))).containsExactly("reputation BAD");
    }

    @Test
    void aPollWaitsBetweenCallsUntilItsConditionHolds() {
        String value = unique("poll") + ".example.org";
        long indicator = indicator(value);
        recorder.on("sepm.commandStatus", "cmd-" + value, reply(Map.of("complete", false, "state", "IN_PROGRESS")),
                reply(Map.of("complete", true, "state", "COMPLETED")));
        String id = start("test-poll", indicator, Map.of()).get("id").asString();
        JsonNode waiting = await(id, r -> r.get("state").asString().equals("WAITING") || r.get("terminal").asBoolean());
        assertThat(waiting.get("waitingFor").asString()).isEqualTo("poll:status");
        JsonNode run = await(id, r -> r.get("terminal").asBoolean());
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("steps").get(0).get("polls").asInt()).isEqualTo(2);
        assertThat(recorder.notesOn(String.valueOf(indicator))).containsExactly("command COMPLETED");
    }

    @Test
    void anApprovalWaitsForAResponderAndARejectionFailsTheRun() {
        long indicator = indicator(unique("approve") + ".example.com");
        String id = start("test-approval", indicator, Map.of()).get("id").asString();
        JsonNode waiting = await(id, r -> r.get("state").asString().equals("WAITING"));
        assertThat(waiting.get("waitingFor").asString()).isEqualTo("approval:approve");
        assertThat(waiting.get("steps").get(0).get("state").asString()).isEqualTo("WAITING_APPROVAL");

        String analyst = token("analyst");
        problem(sendAs(analyst, "POST", "/api/v1/runs/" + id + "/approvals/approve", Map.of("approve", true)), 403);
        assertThat(field(post("/api/v1/runs/" + id + "/approvals/approve", Map.of("comment", "x"))))
                .isEqualTo("approve");
        problem(post("/api/v1/runs/" + id + "/approvals/note", Map.of("approve", true)), 409);
        Reply approved = sendAs(token("responder"), "POST", "/api/v1/runs/" + id + "/approvals/approve",
                Map.of("approve", true, "comment", "fine"));
        assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
        JsonNode done = await(id, r -> r.get("terminal").asBoolean());
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("steps").get(0).get("outputs").get("comment").asString()).isEqualTo("fine");
        assertThat(recorder.notesOn(String.valueOf(indicator))).hasSize(1).first().asString().startsWith("approved by ");
        problem(post("/api/v1/runs/" + id + "/approvals/approve", Map.of("approve", true)), 409);

        String rejected = start("test-approval", indicator, Map.of()).get("id").asString();
        await(rejected, r -> r.get("state").asString().equals("WAITING"));
        post("/api/v1/runs/" + rejected + "/approvals/approve", Map.of("approve", false, "comment", "no"));
        JsonNode failed = await(rejected, r -> r.get("terminal").asBoolean());
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").get("stepId").asString()).isEqualTo("approve");
        assertThat(failed.get("failure").get("reason").asString()).endsWith(": no");
    }

    @Test
    void aDestructiveRunNeedsAResponderAndSomeoneElseToApproveIt() {
        long indicator = indicator(unique("destroy") + ".example.com");
        recorder.on("sepm.quarantineEndpoints", "[c1]", reply(Map.of("commandId", "Q1", "state", "IN_PROGRESS")));
        problem(sendAs(token("analyst"), "POST", "/api/v1/playbooks/test-destructive/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator)))), 403);
        String responder = token("responder");
        Reply started = sendAs(responder, "POST", "/api/v1/playbooks/test-destructive/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator))));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String id = started.get("id").asString();
        await(id, r -> r.get("state").asString().equals("WAITING"));
        problem(sendAs(responder, "POST", "/api/v1/runs/" + id + "/approvals/approve", Map.of("approve", true)), 403);
        assertThat(post("/api/v1/runs/" + id + "/approvals/approve", Map.of("approve", true)).status()).isEqualTo(200);
        JsonNode done = await(id, r -> r.get("terminal").asBoolean());
        assertThat(done.get("state").asString()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(done.get("steps").get(1).get("outputs").get("commandId").asString()).isEqualTo("Q1");
    }

    @Test
    void aCancelledRunStopsAndStaysCancelled() {
        long indicator = indicator(unique("cancel") + ".example.com");
        String id = start("test-approval", indicator, Map.of()).get("id").asString();
        await(id, r -> r.get("state").asString().equals("WAITING"));
        problem(sendAs(token("viewer"), "POST", "/api/v1/runs/" + id + "/cancel", Map.of()), 403);
        Reply cancelled = post("/api/v1/runs/" + id + "/cancel", Map.of("reason", "wrong indicator"));
        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("failure").get("reason").asString()).endsWith(": wrong indicator");
        assertThat(cancelled.get("steps").get(0).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(post("/api/v1/runs/" + id + "/cancel", null).get("state").asString()).isEqualTo("CANCELLED");
        problem(post("/api/v1/runs/" + id + "/approvals/approve", Map.of("approve", true)), 409);
        assertThat(get("/api/v1/runs/" + id).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(recorder.notesOn(String.valueOf(indicator))).isEmpty();
    }

    @Test
    void aRuleStartsItsPlaybookOnANewMatchingIndicatorOnly() {
        String tagged = unique("rule") + ".example.com";
        long id = created(post("/api/v1/indicators", Map.of("value", tagged, "tags", List.of("auto-note"))));
        long other = indicator(unique("norule") + ".example.com");
        JsonNode runs = awaitList("/api/v1/runs?playbook=test-rule&objectKind=indicator&objectId=" + id,
                l -> l.get("items").size() == 1 && l.get("items").get(0).get("terminal").asBoolean());
        JsonNode run = runs.get("items").get(0);
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("trigger").get("kind").asString()).isEqualTo("RULE");
        assertThat(run.get("trigger").get("by").asString()).isEqualTo("system");
        assertThat(run.get("trigger").get("reason").asString()).contains("new indicator");
        assertThat(recorder.notesOn(String.valueOf(id))).containsExactly("rule fired for " + tagged);
        assertThat(get("/api/v1/runs?playbook=test-rule&objectKind=indicator&objectId=" + other).get("totalItems")
                .asLong()).isZero();
        // auto-enrichment is switched off in these tests: no SES playbook ran on the new indicator
        assertThat(get("/api/v1/runs?playbook=ses-network-insight&objectKind=indicator&objectId=" + id)
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void rowsAndIncidentsAreSubjectsByDatabaseIdWithTheirFields() {
        long incident = created(post("/api/v1/incidents", Map.of("name", unique("inc"), "severity", "HIGH")));
        long low = created(post("/api/v1/incidents", Map.of("name", unique("low"), "severity", "LOW")));
        String rows = "/api/v1/incidents/" + incident + "/data-tables/sep_groups/rows";
        long quarantine = created(post(rows, Map.of("cells", Map.of("group_name", "quarantine-lab"))));
        long other = created(post(rows, Map.of("cells", Map.of("group_name", "servers"))));

        JsonNode forRow = get("/api/v1/playbooks?objectKind=row&table=sep_groups&objectId=" + quarantine).body();
        assertThat(applicable(forRow, "test-row").get("applicable").asBoolean()).isTrue();
        assertThat(forRow.valueStream().map(p -> p.get("playbook").get("id").asString())).doesNotContain("test-note");
        JsonNode forOther = get("/api/v1/playbooks?objectKind=row&table=sep_groups&objectId=" + other).body();
        assertThat(applicable(forOther, "test-row").get("applicable").asBoolean()).isFalse();
        assertThat(field(get("/api/v1/playbooks?objectKind=row&objectId=" + other))).isEqualTo("object.table");
        assertThat(applicable(get("/api/v1/playbooks?objectKind=incident&objectId=" + low).body(), "test-incident")
                .get("applicable").asBoolean()).isFalse();

        Reply started = post("/api/v1/playbooks/test-row/runs",
                Map.of("object", Map.of("kind", "row", "table", "sep_groups", "id", String.valueOf(quarantine))));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        assertThat(await(started.get("id").asString(), r -> r.get("terminal").asBoolean()).get("state").asString())
                .isEqualTo("COMPLETED");
        assertThat(recorder.notesOn("row", String.valueOf(quarantine))).containsExactly("group quarantine-lab");
        assertThat(field(post("/api/v1/playbooks/test-row/runs",
                Map.of("object", Map.of("kind", "row", "table", "sep_endpoint_details", "id", String.valueOf(quarantine))))))
                .isEqualTo("object.table");

        String run = post("/api/v1/playbooks/test-incident/runs",
                Map.of("object", Map.of("kind", "incident", "id", String.valueOf(incident)))).get("id").asString();
        assertThat(await(run, r -> r.get("terminal").asBoolean()).get("state").asString()).isEqualTo("COMPLETED");
        assertThat(recorder.notesOn("incident", String.valueOf(incident))).hasSize(1).first().asString().startsWith("incident inc-");
        assertThat(field(post("/api/v1/playbooks/test-incident/runs",
                Map.of("object", Map.of("kind", "incident", "id", String.valueOf(low)))))).isEqualTo("object");
    }

    @Autowired
    ScheduleTriggers schedules;

    @Autowired
    com.github.kagkarlsson.scheduler.SchedulerClient scheduler;

    @Test
    void aScheduleIsADurableTaskAndFiresOnEveryObjectItAppliesTo() {
        var instance = new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>(ScheduleTriggers.TASK,
                "test-schedule#0");
        assertThat(scheduler.getScheduledExecution(instance)).as("registered at start").isPresent();
        String tagged = unique("scheduled") + ".example.com";
        long id = created(post("/api/v1/indicators", Map.of("value", tagged, "tags", List.of("scheduled-note"))));
        long other = indicator(unique("unscheduled") + ".example.com");

        var definition = schedules.library().find("test-schedule").orElseThrow();
        int started = schedules.run(definition, (riposte.core.playbook.TriggerSpec.Schedule) definition.triggers().get(0));
        assertThat(started).isPositive();
        JsonNode runs = awaitList("/api/v1/runs?playbook=test-schedule&objectKind=indicator&objectId=" + id,
                l -> l.get("items").size() == 1 && l.get("items").get(0).get("terminal").asBoolean());
        JsonNode run = runs.get("items").get(0);
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("trigger").get("kind").asString()).isEqualTo("SCHEDULE");
        assertThat(run.get("trigger").get("reason").asString()).isEqualTo("schedule '0 0 3 1 1 *'");
        assertThat(recorder.notesOn(String.valueOf(id))).containsExactly("scheduled for " + tagged);
        assertThat(get("/api/v1/runs?playbook=test-schedule&objectKind=indicator&objectId=" + other)
                .get("totalItems").asLong()).isZero();
    }

    // --- helpers

    protected Reply start(String playbook, long indicator, Map<String, Object> inputs) {
        return post("/api/v1/playbooks/" + playbook + "/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator)), "inputs", inputs));
    }

    protected long indicator(String value) {
        return created(post("/api/v1/indicators", Map.of("value", value)));
    }

    protected static String sha256() {
        return riposte.server.system.Sql.sha256(unique("file"));
    }

    protected JsonNode await(String runId, Predicate<JsonNode> done) {
        return awaitList("/api/v1/runs/" + runId, done);
    }

    protected JsonNode awaitList(String path, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode body = get(path).body();
            if (done.test(body)) return body;
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting; last: " + body);
            sleep(20);
        }
    }

    private String field(Reply reply) {
        return problem(reply, 400).get("errors").get(0).get("field").asString();
    }

    private static JsonNode byId(JsonNode list, String id) {
        return list.valueStream().filter(p -> p.get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no playbook " + id + " in " + list));
    }

    private static JsonNode applicable(JsonNode list, String id) {
        return list.valueStream().filter(p -> p.get("playbook").get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no playbook " + id + " in " + list));
    }

    private String token(String role) {
        String name = unique(role);
        Reply user = post("/api/v1/users", Map.of("username", name, "role", role, "password", "a-long-enough-password"));
        assertThat(user.status()).as("%s", user.body()).isEqualTo(201);
        return post("/api/v1/tokens", Map.of("name", "test", "owner", name)).get("token").asString();
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as("fixture: %s", reply.body()).isEqualTo(201);
        return reply.get("id").asLong();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
