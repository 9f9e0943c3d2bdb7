package riposte.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.IndicatorParser;
import tools.jackson.databind.json.JsonMapper;

class PlaybookEngineTest {
    private static final String SHA = "d48eb40c5d381de1451f72ba519d932b2a86d0c2388c67bb5a164e64c0130b6c";
    private final Fakes fakes = new Fakes();
    private final PlaybookLoader loader = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions());
    private final PlaybookCatalog builtIns = loader.load(null);
    private final PlaybookSubject file = PlaybookSubject.indicator(IndicatorParser.parse(SHA));

    private static Map<String, Object> insight() {
        Map<String, Object> m = new HashMap<>();
        m.put("reputation", "BAD");
        m.put("prevalence", "Low");
        m.put("firstSeen", "2020-10-20");
        m.put("lastSeen", "2020-11-12");
        m.put("targetCountries", List.of("us", "nl", "jp"));
        m.put("targetIndustries", List.of());
        m.put("actors", List.of());
        m.put("riskLevel", null);
        m.put("categories", List.of());
        m.put("raw", "{\"file\":\"" + SHA + "\",\"reputation\":\"BAD\"}");
        return m;
    }

    @Test
    void fileInsightRunsEndToEndWritingAttributesAndTheSeedStyleReport() {
        fakes.functions.on("ses.fileInsight", insight());
        PlaybookRun run = fakes.engine().start(builtIns.find("ses-file-insight").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));

        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(fakes.functions.inputs).containsExactly(Map.of("sha256", SHA));
        AttributeWriter.Attribute reputation = fakes.attributes.get("Symantec ThreatIntel Reputation");
        assertThat(reputation.value()).isEqualTo("BAD");
        assertThat(reputation.source()).isEqualTo("Symantec Threat Intelligence");
        assertThat(reputation.updatedAt()).isEqualTo(fakes.clock.instant());
        assertThat(fakes.attributes.get("Symantec ThreatIntel Target Countries").value()).isEqualTo("us, nl, jp");
        assertThat(fakes.attributes).containsKeys("Symantec ThreatIntel Prevalence", "Symantec ThreatIntel First Seen",
                "Symantec ThreatIntel Last Seen").doesNotContainKeys("Symantec ThreatIntel Risk Level",
                "Symantec ThreatIntel Target Industries");
        assertThat(fakes.reports).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Symantec ThreatIntel File Insight Report - 2021-04-27T21:29:19Z");
            assertThat(r.fields()).contains(new ReportWriter.Field("Reputation", "BAD"),
                    new ReportWriter.Field("Target Industries", "None"));
        });
        assertThat(run.outputs()).containsEntry("reportId", "report-1")
                .containsEntry("reportTitle", "Symantec ThreatIntel File Insight Report - 2021-04-27T21:29:19Z");
    }

    @Test
    void jsonVariantStoresTheRawReply() {
        fakes.functions.on("ses.fileInsight", insight());
        PlaybookRun run = fakes.engine().start(builtIns.find("ses-file-insight-json").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));
        assertThat(run.outputs().get("json")).isEqualTo(insight().get("raw"));
        assertThat(fakes.attributes.get("Symantec ThreatIntel File Insight JSON").value()).isEqualTo(insight().get("raw"));
    }

    @Test
    void relatedCreatesAssociatedIndicatorsOnlyWhenAsked() {
        Map<String, Object> related = Map.of("files", List.of("abc"), "domains", List.of("minergate.com"),
                "ips", List.of(), "urls", List.of(), "raw", "{}");
        fakes.functions.on("ses.fileRelated", related);
        PlaybookDefinition d = builtIns.find("ses-file-related").orElseThrow();
        fakes.engine().start(d, file, Map.of(), Trigger.manual("tony"));
        assertThat(fakes.indicators).isEmpty();
        PlaybookRun run = fakes.engine().start(d, file, Map.of("createAssociated", "true"), Trigger.manual("tony"));
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(fakes.indicators).containsExactly("abc", "minergate.com");
        assertThatThrownBy(() -> fakes.engine().start(d, file, Map.of("createAssociated", "maybe"), Trigger.manual("t")))
                .hasMessageContaining("'maybe' is not a valid boolean");
    }

    @Test
    void transientFailureIsRetriedAsANewAttemptThenSucceeds() {
        fakes.functions.on("ses.fileInsight", new FunctionException(StepError.Kind.TRANSIENT, "429 Too Many Requests"),
                insight());
        PlaybookEngine engine = fakes.engine();
        PlaybookRun run = engine.start(builtIns.find("ses-file-insight").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));
        assertThat(run.state()).isEqualTo(RunState.WAITING);
        assertThat(run.waitingFor()).isEqualTo("retry:insight");
        assertThat(run.wakeAt()).isEqualTo(fakes.clock.instant().plusSeconds(5));
        assertThat(engine.advance(run.id()).state()).isEqualTo(RunState.WAITING); // not due yet
        fakes.clock.advance(Duration.ofSeconds(5));
        run = engine.advance(run.id());
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(engine.steps(run.id())).filteredOn(s -> s.stepId().equals("insight"))
                .extracting(StepRun::attempt, StepRun::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, StepState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(2, StepState.COMPLETED));
    }

    @Test
    void permanentFailureNamesTheStep() {
        fakes.functions.on("ses.fileInsight", new FunctionException(StepError.Kind.PERMANENT, "400 bad hash"));
        PlaybookRun run = fakes.engine().start(builtIns.find("ses-file-insight").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.failure()).isEqualTo(new RunFailure("insight", StepError.Kind.PERMANENT, "400 bad hash"));
        assertThat(fakes.functions.count("ses.fileInsight")).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheLimit() {
        fakes.functions.on("ses.fileInsight", new FunctionException(StepError.Kind.TRANSIENT, "503"));
        PlaybookEngine engine = fakes.engine();
        PlaybookRun run = engine.start(builtIns.find("ses-file-insight").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));
        for (int i = 0; i < 5; i++) {
            fakes.clock.advance(Duration.ofMinutes(1));
            run = engine.advance(run.id());
        }
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.failure().toString()).isEqualTo("step 'insight': 503 (after 3 attempts)");
        assertThat(fakes.functions.count("ses.fileInsight")).isEqualTo(3);
    }

    private static final String SCAN = """
            id: eoc-scan
            version: 1
            name: "Example: SEP - Initiate EOC Scan for Artifact"
            on:
              object: artifact
            inputs:
              - name: scanType
                type: select
                options: [QUICK_SCAN, FULL_SCAN]
                default: QUICK_SCAN
            steps:
              - id: scan
                call: sepm.eocScan
                with:
                  scanType: inputs.scanType
                  sha256: artifact.value
              - id: status
                poll: sepm.commandStatus
                with:
                  commandId: steps.scan.commandId
                until: result.complete
                interval: 30s
                backoff: 2
                maxInterval: 2m
                timeout: 10m
              - id: rows
                writeRow: Symantec SEP - EOC scan results
                forEach: steps.status.matches
                key: item.computer
                values:
                  computer: item.computer
                  state: steps.status.state
            outputs:
              matches: size(steps.status.matches)
            """;

    private final PlaybookSubject artifact = new PlaybookSubject(new ObjectRef(ObjectKind.ARTIFACT, null, "a1"),
            Map.of("value", SHA));

    private static final String FILE = """
            id: file
            version: 1
            name: File
            on:
              object: artifact
            steps:
              - id: file
                call: sepm.fileContent
                with:
                  fileId: "'F1'"
              - id: attach
                attachment: steps.file.name
                content: base64.decode(steps.file.base64)
                contentType: "'application/octet-stream'"
            """;

    @Test
    void anAttachmentOfDecodedBase64HoldsTheBytesThemselves() {
        byte[] binary = {'M', 'Z', (byte) 0x90, 0, (byte) 0xff, (byte) 0xfe, 10, 0};
        fakes.functions.on("sepm.fileContent", Map.of("name", "payload.exe", "base64",
                java.util.Base64.getEncoder().encodeToString(binary)));
        PlaybookRun run = fakes.engine().start(loader.parse("file.yml", FILE), artifact, Map.of(),
                Trigger.manual("ann"));
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(fakes.attachmentBytes.get("payload.exe")).isEqualTo(binary);
    }

    @Test
    void pollsUntilTheConditionHoldsWithBackoffThenWritesRows() {
        fakes.functions.on("sepm.eocScan", Map.of("commandId", "C1", "state", "IN_PROGRESS"));
        fakes.functions.on("sepm.commandStatus",
                Map.of("complete", false, "state", "IN_PROGRESS", "matches", List.of()),
                Map.of("complete", false, "state", "IN_PROGRESS", "matches", List.of()),
                Map.of("complete", true, "state", "COMPLETED", "matches", List.of(Map.of("computer", "GKJN830"))));
        PlaybookEngine engine = fakes.engine();
        Instant start = fakes.clock.instant();
        PlaybookRun run = engine.start(loader.parse("scan.yml", SCAN), artifact, Map.of(), Trigger.manual("ann"));
        assertThat(run.state()).isEqualTo(RunState.WAITING);
        assertThat(run.wakeAt()).isEqualTo(start.plusSeconds(30));
        fakes.clock.advance(Duration.ofSeconds(30));
        run = engine.advance(run.id());
        assertThat(run.wakeAt()).isEqualTo(start.plusSeconds(90)); // 30 s, then 60 s
        fakes.clock.advance(Duration.ofSeconds(60));
        run = engine.advance(run.id());
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(run.outputs()).containsEntry("matches", 1L);
        assertThat(fakes.rows).containsExactly(Map.entry("Symantec SEP - EOC scan results:GKJN830",
                Map.of("computer", "GKJN830", "state", "COMPLETED")));
        assertThat(engine.steps(run.id())).filteredOn(s -> s.stepId().equals("status")).singleElement()
                .satisfies(s -> assertThat(s.polls()).isEqualTo(3));
    }

    @Test
    void pollTimesOutAndCancellationStopsPolling() {
        fakes.functions.on("sepm.eocScan", Map.of("commandId", "C1", "state", "IN_PROGRESS"));
        fakes.functions.on("sepm.commandStatus", Map.of("complete", false, "state", "IN_PROGRESS", "matches", List.of()));
        PlaybookEngine engine = fakes.engine();
        PlaybookDefinition scan = loader.parse("scan.yml", SCAN);
        PlaybookRun run = engine.start(scan, artifact, Map.of(), Trigger.manual("ann"));
        for (int i = 0; i < 20; i++) {
            fakes.clock.advance(Duration.ofMinutes(1));
            run = engine.advance(run.id());
        }
        assertThat(run.state()).isEqualTo(RunState.TIMED_OUT);
        assertThat(run.failure().stepId()).isEqualTo("status");
        assertThat(run.failure().reason()).contains("not met within PT10M");

        PlaybookRun second = engine.start(scan, artifact, Map.of("scanType", "FULL_SCAN"), Trigger.manual("ann"));
        long calls = fakes.functions.count("sepm.commandStatus");
        second = engine.cancel(second.id(), "ann", "wrong target");
        fakes.clock.advance(Duration.ofMinutes(5));
        assertThat(engine.advance(second.id()).state()).isEqualTo(RunState.CANCELLED);
        assertThat(fakes.functions.count("sepm.commandStatus")).isEqualTo(calls);
        assertThat(engine.steps(second.id())).filteredOn(s -> s.stepId().equals("status"))
                .extracting(StepRun::state).containsExactly(StepState.CANCELLED);
    }

    private static final String QUARANTINE = """
            id: quarantine
            version: 1
            name: "Example: SEP - Quarantine Endpoint"
            destructive: true
            on:
              object: row
              table: sep_endpoint_details
              condition: row.quarantine_status == 'Un-Quarantined'
            steps:
              - id: approve
                approval: "'Quarantine ' + row.computer + '?'"
              - id: quarantine
                call: sepm.quarantineEndpoints
                with:
                  computerIds: "[row.computer_id]"
              - id: note
                note: "'Quarantine requested, approved by ' + steps.approve.by"
            """;

    @Test
    void approvalWaitsThenApproveRunsTheDestructiveStepAndRejectFails() {
        fakes.functions.on("sepm.quarantineEndpoints", Map.of("commandId", "Q1", "state", "IN_PROGRESS"));
        PlaybookDefinition d = loader.parse("q.yml", QUARANTINE);
        PlaybookSubject row = PlaybookSubject.row("sep_endpoint_details", "r1",
                Map.of("computer", "H4CP3N3", "computer_id", "E0946C2", "quarantine_status", "Un-Quarantined"));
        PlaybookEngine engine = fakes.engine();

        PlaybookRun run = engine.start(d, row, Map.of(), Trigger.manual("ann"));
        assertThat(run.state()).isEqualTo(RunState.WAITING);
        assertThat(run.waitingFor()).isEqualTo("approval:approve");
        assertThat(fakes.functions.calls).isEmpty();
        String id = run.id();
        assertThat(engine.steps(id).get(0).outputs()).as("the blast radius, before anyone decides")
                .isEqualTo(Map.of("message", "Quarantine H4CP3N3?"));
        assertThatThrownBy(() -> engine.decide(id, "approve", "ann", true, null))
                .hasMessageContaining("someone other than ann");
        run = engine.decide(id, "approve", "bob", true, "ok");
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(engine.steps(id).get(0).outputs()).as("the message is kept with the decision")
                .containsEntry("message", "Quarantine H4CP3N3?").containsEntry("by", "bob")
                .containsEntry("comment", "ok");
        assertThat(fakes.functions.inputs).containsExactly(Map.of("computerIds", List.of("E0946C2")));
        assertThat(fakes.notes).containsExactly("Quarantine requested, approved by bob");

        PlaybookRun rejected = engine.start(d, row, Map.of(), Trigger.manual("ann"));
        rejected = engine.decide(rejected.id(), "approve", "bob", false, "not this one");
        assertThat(rejected.state()).isEqualTo(RunState.FAILED);
        assertThat(rejected.failure().toString()).isEqualTo("step 'approve': rejected by bob: not this one");
        assertThat(fakes.functions.count("sepm.quarantineEndpoints")).isEqualTo(1);
    }

    @Test
    void runsAndStepRunsRoundTripThroughJson() {
        fakes.functions.on("ses.fileInsight", insight());
        PlaybookEngine engine = fakes.engine();
        PlaybookRun run = engine.start(builtIns.find("ses-file-insight").orElseThrow(), file, Map.of(),
                Trigger.manual("tony"));
        JsonMapper json = JsonMapper.builder().build();
        PlaybookRun back = json.readValue(json.writeValueAsString(run), PlaybookRun.class);
        assertThat(back.id()).isEqualTo(run.id());
        assertThat(back.state()).isEqualTo(RunState.COMPLETED);
        assertThat(back.createdAt()).isEqualTo(run.createdAt());
        assertThat(back.trigger()).isEqualTo(run.trigger());
        StepRun step = engine.steps(run.id()).get(0);
        StepRun stepBack = json.readValue(json.writeValueAsString(step), StepRun.class);
        assertThat(stepBack.stepId()).isEqualTo("insight");
        assertThat(stepBack.outputs().get("reputation")).isEqualTo("BAD");
    }
}
