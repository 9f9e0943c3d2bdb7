package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import riposte.core.playbook.Expressions;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.StepError;
import riposte.simulator.fault.Fault;
import riposte.core.playbook.FunctionCatalog;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookCatalog;
import riposte.core.playbook.PlaybookLoader;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.RunState;
import riposte.server.ApiTestBase;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;

/**
 * The built-in enrichment playbooks as durable runs started over the REST API, against the server's
 * {@link PlaybookPorts} bean and the SES simulator over real HTTP: attributes, reports (HTML, JSON, PDF text),
 * associations and bulk enrichment are checked over the REST API.
 */
abstract class EnrichmentPlaybooksContract extends ApiTestBase {
    static final String MALICIOUS_FILE = "5c299eeb3a64a3f25ba06556cb1e0a74263ff4d8328914a57fb1c2cb8f693025";
    static final String MALICIOUS_DOMAIN = "takecige.biz";
    static final SesSimulator SES = SesSimulator.builder().port(0).build().start();

    @DynamicPropertySource
    static void ses(DynamicPropertyRegistry registry) {
        // Its own H2 database: other test classes store SES credentials, and a stored credential wins.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:riposte-enrichment;DB_CLOSE_DELAY=-1");
        registry.add("riposte.ses.url", () -> SES.baseUrl().toString());
        registry.add("riposte.ses.client-id", SES::clientId);
        registry.add("riposte.ses.client-secret", SES::clientSecret);
    }


    @Autowired
    PlaybookPorts ports;

    @Autowired
    SesConnection connection;

    final PlaybookCatalog builtIns = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions()).load(null);

    /** A finished durable run as the REST API shows it. */
    record Run(RunState state, Map<String, Object> outputs, String failure) {}

    /** Runs a playbook through the REST API (a durable run) and waits until it ends. */
    Run run(String playbook, long indicatorId, String type, String value, Map<String, ?> inputs)
            throws InterruptedException {
        var started = post("/api/v1/playbooks/" + playbook + "/runs", Map.of("object",
                Map.of("kind", "indicator", "id", String.valueOf(indicatorId)), "inputs", inputs));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        JsonNode run = started.body();
        for (int i = 0; i < 1200 && !run.get("terminal").asBoolean(); i++) {
            Thread.sleep(50);
            run = get("/api/v1/runs/" + run.get("id").asString()).body();
        }
        assertThat(run.get("terminal").asBoolean()).as("run ended: %s", run).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = json.convertValue(run.get("outputs"), Map.class);
        JsonNode failure = run.get("failure");
        return new Run(RunState.valueOf(run.get("state").asString()), outputs,
                failure == null || failure.isNull() ? null : failure.toString());
    }

    long indicator(String value) {
        return post("/api/v1/indicators", Map.of("value", value)).get("id").asLong();
    }

    Map<String, String> attributes(long indicatorId) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode a : get("/api/v1/indicators/" + indicatorId + "/attributes").body()) {
            out.put(a.get("name").asString(), a.get("value").asString());
        }
        return out;
    }

    @Test
    void fileInsightWritesTheSeedAttributesAndAReportViewableAsHtmlJsonAndPdf() throws Exception {
        long id = indicator(MALICIOUS_FILE);
        Run run = run("ses-file-insight", id, "sha256", MALICIOUS_FILE, Map.of());
        assertThat(run.state()).as("%s", run).isEqualTo(RunState.COMPLETED);

        Map<String, String> attributes = attributes(id);
        assertThat(attributes).containsKeys("Symantec ThreatIntel Reputation", "Symantec ThreatIntel Prevalence",
                "Symantec ThreatIntel First Seen", "Symantec ThreatIntel Last Seen");
        assertThat(attributes.get("Symantec ThreatIntel Reputation")).isEqualTo("BAD");

        long reportId = Long.parseLong(run.outputs().get("reportId").toString());
        JsonNode report = get("/api/v1/reports/" + reportId).body();
        assertThat(report.get("title").asString()).startsWith("Symantec ThreatIntel File Insight Report - ");
        assertThat(report.get("indicatorIds").get(0).asLong()).isEqualTo(id);

        String html = new String(download("/api/v1/reports/" + reportId + "/html").body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Reputation:</th><td>BAD</td>");
        try (var pdf = Loader.loadPDF(download("/api/v1/reports/" + reportId + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Symantec ThreatIntel File Insight Report",
                    "Reputation:", "BAD");
        }
        JsonNode json = get("/api/v1/reports/" + reportId + "/json").body();
        assertThat(json.get("fields").get("Reputation").asString()).isEqualTo("BAD");
        assertThat(json.get("data").get("file").asString()).isEqualTo(MALICIOUS_FILE);
    }

    @Test
    void everyBuiltInPlaybookRunsOnASuitableIndicator() throws Exception {
        Map<String, String> samples = Map.of("sha256", MALICIOUS_FILE, "domain", MALICIOUS_DOMAIN,
                "cve", SES.population().cve(0).value());
        Map<String, Long> ids = new HashMap<>();
        samples.forEach((type, value) -> ids.put(type, indicator(value)));
        int ran = 0;
        for (var playbook : builtIns.all()) {
            String type = samples.keySet().stream().filter(t -> builtIns.isApplicable(playbook, subject(ids.get(t), t,
                    samples.get(t)))).findFirst().orElseThrow(() -> new AssertionError(playbook.id() + " applies to none"));
            Run run = run(playbook.id(), ids.get(type), type, samples.get(type), Map.of());
            assertThat(run.state()).as("%s: %s", playbook.id(), run.failure()).isEqualTo(RunState.COMPLETED);
            if (playbook.id().endsWith("-json")) {
                String name = attributes(ids.get(type)).keySet().stream().filter(n -> n.endsWith(" JSON"))
                        .filter(n -> playbook.name().replace("Symantec Threat Intelligence API - ", "Symantec ThreatIntel ")
                                .equals(n)).findFirst().orElseThrow(() -> new AssertionError(playbook.id()
                                + " stored no JSON attribute: " + attributes(ids.get(type)).keySet()));
                assertThat(attributes(ids.get(type)).get(name)).startsWith("{");
            } else {
                JsonNode report = get("/api/v1/reports/" + run.outputs().get("reportId")).body();
                assertThat(report.get("title").asString()).as(playbook.id())
                        .matches("Symantec ThreatIntel .+ Report - \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
                assertThat(report.get("indicatorIds").get(0).asLong()).isEqualTo(ids.get(type));
            }
            ran++;
        }
        assertThat(ran).isEqualTo(18);
        Map<String, String> domain = attributes(ids.get("domain"));
        assertThat(domain).containsKeys("Symantec ThreatIntel Reputation", "Symantec ThreatIntel Risk Level",
                "Symantec ThreatIntel Network Protection State");
        assertThat(attributes(ids.get("sha256"))).containsKeys("Symantec ThreatIntel File Protection State",
                "Symantec ThreatIntel Process Lineage");
    }

    PlaybookSubject subject(long id, String type, String value) {
        Map<String, Object> data = new HashMap<>();
        data.put("type", type);
        data.put("value", value);
        data.put("attributes", Map.of());
        data.put("tags", java.util.List.of());
        return new PlaybookSubject(new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(id)), data);
    }

    @Test
    void aSecondRunIsAnsweredFromTheCacheAndItsReportSaysSo() throws Exception {
        String file = SES.population().maliciousFile(7).value();
        long id = indicator(file);
        Run first = run("ses-file-protection", id, "sha256", file, Map.of());
        long requests = SES.journal().total();
        Run second = run("ses-file-protection", id, "sha256", file, Map.of());
        assertThat(SES.journal().total()).as("no request for a fresh cached section").isEqualTo(requests);
        assertThat(get("/api/v1/reports/" + first.outputs().get("reportId") + "/json").body().get("fields")
                .get("Data from").asString()).startsWith("Symantec, fetched live ");
        assertThat(get("/api/v1/reports/" + second.outputs().get("reportId") + "/json").body().get("fields")
                .get("Data from").asString()).startsWith("Riposte cache, fetched from Symantec ").contains(" s old)");
    }

    @Test
    void relatedCreatesAssociatedIndicatorsOnlyWhenAsked() throws Exception {
        long quiet = indicator(MALICIOUS_FILE);
        run("ses-file-related", quiet, "sha256", MALICIOUS_FILE, Map.of());
        String related = attributes(quiet).get("Symantec ThreatIntel Related Hosts");
        assertThat(related).as("the sample file has related hosts").isNotBlank();
        assertThat(get("/api/v1/indicators/" + quiet + "/associations").body().size()).isZero();

        Run run = run("ses-file-related", quiet, "sha256", MALICIOUS_FILE, Map.of("createAssociated", true));
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        JsonNode associated = get("/api/v1/indicators/" + quiet + "/associations").body();
        assertThat(associated.valueStream().map(a -> a.get("value").asString()))
                .contains(related.split(", ")[0]);
        assertThat(associated.valueStream().map(a -> a.get("type").asString())).contains("sha256", "domain");
    }

    @Test
    void reportValuesAreEscapedInHtmlAndReadLiterallyInThePdf() throws Exception {
        long id = indicator(unique("markup") + ".example.net");
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String reportId = ports.reports().create(new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(id)),
                new riposte.core.playbook.ReportWriter.Report("Symantec ThreatIntel Process Chain Report - " + hostile,
                        java.util.List.of(new riposte.core.playbook.ReportWriter.Field("Process Lineage", hostile)),
                        "{\"processName\":\"" + hostile.replace("'", "") + "\"}", "test", java.time.Instant.now()));
        var page = download("/api/v1/reports/" + reportId + "/html");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        try (var pdf = Loader.loadPDF(download("/api/v1/reports/" + reportId + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("<script>alert('x')</script>");
        }
        ports.attributes().write(new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(id)),
                new riposte.core.playbook.AttributeWriter.Attribute("Symantec ThreatIntel Process Lineage", hostile,
                        "test", java.time.Instant.now()));
        assertThat(attributes(id).get("Symantec ThreatIntel Process Lineage")).isEqualTo(hostile);
    }

    JsonNode awaitBulk(String id) throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            JsonNode job = get("/api/v1/enrichment/bulk/" + id).body();
            if (job.get("state").asString().equals("completed")) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("bulk job " + id + " did not finish: " + get("/api/v1/enrichment/bulk/" + id).body());
    }

    @Test
    void bulkEnrichmentThroughA429StormIsDelayedButLosesNothing() throws Exception {
        var files = SES.population().maliciousFiles(40).subList(20, 26).stream().map(f -> f.value()).toList();
        java.util.List<String> input = new java.util.ArrayList<>(files);
        input.add("hxxp://" + MALICIOUS_DOMAIN.replace(".", "[.]"));
        input.add("certainly not an indicator");
        SES.enqueue(riposte.simulator.fault.Fault.status(429).retryAfter(1).times(3));
        var started = post("/api/v1/enrichment/bulk", Map.of("indicators", input,
                "playbooks", java.util.List.of("ses-file-insight", "ses-network-insight")));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(started.get("id").asString());
        JsonNode job = awaitBulk(started.get("id").asString());
        assertThat(job.get("total").asInt()).isEqualTo(8);
        assertThat(job.get("invalid").asInt()).isEqualTo(1);
        assertThat(job.get("completed").asInt()).as("%s", job).isEqualTo(7);
        assertThat(job.get("failed").asInt()).isZero();
        for (JsonNode item : job.get("items")) {
            if (item.get("state").asString().equals("INVALID")) {
                assertThat(item.get("input").asString()).isEqualTo("certainly not an indicator");
                continue;
            }
            assertThat(attributes(item.get("indicatorId").asLong())).containsKey("Symantec ThreatIntel Reputation");
            assertThat(item.get("runs").get(0).get("reportId").asString()).isNotBlank();
            assertThat(get("/api/v1/runs/" + item.get("runs").get(0).get("runId").asString()).get("state").asString())
                    .isEqualTo("COMPLETED");
        }
        JsonNode counts = get("/api/v1/enrichment/bulk/" + started.get("id").asString() + "?items=false").body();
        assertThat(counts.get("completed").asInt()).isEqualTo(7);
        assertThat(counts.get("items").isNull()).isTrue();

        var again = post("/api/v1/enrichment/bulk", Map.of("indicators", files,
                "playbooks", java.util.List.of("ses-file-insight")));
        long requests = SES.journal().total();
        JsonNode cached = awaitBulk(again.get("id").asString());
        assertThat(cached.get("fromCache").asInt()).as("fresh in the cache: not looked up again").isEqualTo(6);
        assertThat(SES.journal().total()).isEqualTo(requests);
    }

    @Test
    void badBulkRequestsAreRejectedNamingTheField() {
        assertThat(problem(post("/api/v1/enrichment/bulk", Map.of("indicators", java.util.List.of())), 400)
                .get("errors").get(0).get("field").asString()).isEqualTo("indicators");
        JsonNode bad = problem(post("/api/v1/enrichment/bulk", Map.of("indicators", java.util.List.of(MALICIOUS_FILE),
                "playbooks", java.util.List.of("no-such-playbook"))), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("playbooks[0]");
        assertThat(bad.get("errors").get(0).get("message").asString()).contains("ses-file-insight");
        problem(get("/api/v1/enrichment/bulk/no-such-job"), 404);
    }

    @Test
    void attributeDefinitionsExportAndImportIdempotently() throws Exception {
        String file = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/Symantec_ThreatIntel_Attributes.json"));
        var first = post("/api/v1/attribute-definitions/import", file);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        var second = post("/api/v1/attribute-definitions/import", file);
        assertThat(second.get("created").size()).isZero();
        assertThat(second.get("updated").size()).isZero();
        assertThat(second.get("unchanged").size()).isEqualTo(26);

        var export = get("/api/v1/attribute-definitions/export");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(export.get("format").asString()).isEqualTo("riposte-attribute-definitions");
        assertThat(export.get("attributeDefinitions").valueStream().filter(d -> d.get("name").asString()
                .equals("Symantec ThreatIntel Risk Level")).findFirst().orElseThrow().get("type").asString())
                .isEqualTo("number");
        var roundTrip = post("/api/v1/attribute-definitions/import", export.body());
        assertThat(roundTrip.get("created").size() + roundTrip.get("updated").size()).isZero();

        String name = unique("Half written");
        JsonNode refused = problem(post("/api/v1/attribute-definitions/import", Map.of("attributeDefinitions",
                java.util.List.of(Map.of("name", name, "type", "text"), Map.of("name", "x", "type", "colour")))), 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("attributeDefinitions[1].type");
        assertThat(get("/api/v1/attribute-definitions").body().valueStream()
                .noneMatch(d -> d.get("name").asString().equals(name))).as("nothing half-written").isTrue();
    }

    @Test
    void sesFunctionsClassifyFailuresAndReportProvenance() {
        var functions = ports.functions();
        String file = SES.population().maliciousFile(11).value();
        Map<String, Object> live = functions.invoke("ses.fileInsight", Map.of("sha256", file));
        assertThat(live).containsKeys("reputation", "prevalence", "firstSeen", "lastSeen", "targetCountries",
                "targetIndustries", "actors", "riskLevel", "categories", "raw", "found", "cached", "fetchedAt",
                "ageSeconds").containsEntry("cached", false).containsEntry("found", true);
        assertThat(functions.invoke("ses.fileInsight", Map.of("sha256", file))).containsEntry("cached", true)
                .containsEntry("fetchedAt", live.get("fetchedAt"));

        assertThatThrownBy(() -> functions.invoke("ses.fileInsight", Map.of("sha256", MALICIOUS_DOMAIN)))
                .isInstanceOfSatisfying(FunctionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StepError.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("SHA-256");
                });
        assertThatThrownBy(() -> functions.invoke("sepm.eocScan", Map.of("scanType", "QUICK_SCAN")))
                .isInstanceOfSatisfying(FunctionException.class, e -> assertThat(e.getMessage())
                        .contains("SEPM is not configured"));

        SES.enqueue(Fault.status(400).onPath("/v1/threat-intel/protection/file/"));
        assertThatThrownBy(() -> functions.invoke("ses.fileProtection", Map.of("sha256", file)))
                .isInstanceOfSatisfying(FunctionException.class, e -> assertThat(e.kind())
                        .isEqualTo(StepError.Kind.PERMANENT));
        SES.enqueue(Fault.status(503).times(5).onPath("/v1/threat-intel/related/file/"));
        assertThatThrownBy(() -> functions.invoke("ses.fileRelated", Map.of("sha256", file)))
                .isInstanceOfSatisfying(FunctionException.class, e -> assertThat(e.kind())
                        .isEqualTo(StepError.Kind.TRANSIENT));
        SES.enqueue(Fault.status(404).onPath("/v1/threat-intel/processchain/file/"));
        assertThat(functions.invoke("ses.processChain", Map.of("sha256", file))).containsEntry("found", false)
                .containsEntry("lineage", java.util.List.of());
    }

    @Test
    void aStoredSesCredentialWinsOverTheSettings() {
        var stored = post("/api/v1/credentials", Map.of("name", unique("ses"), "kind", "SES", "url",
                SES.baseUrl().toString(), "username", SES.clientId(), "secret", "not-the-secret"));
        assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
        try {
            assertThat(connection.current()).isInstanceOfSatisfying(SesConnection.State.Ready.class,
                    r -> assertThat(r.origin()).startsWith("stored credential"));
            assertThatThrownBy(() -> ports.functions().invoke("ses.networkInsight",
                    Map.of("value", SES.population().domain(5).value())))
                    .isInstanceOfSatisfying(FunctionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StepError.Kind.PERMANENT);
                        assertThat(e.getMessage()).contains("authentication").doesNotContain("not-the-secret");
                    });
        } finally {
            delete("/api/v1/credentials/" + stored.get("id").asLong());
        }
        assertThat(ports.functions().invoke("ses.networkInsight", Map.of("value", SES.population().domain(5).value())))
                .containsEntry("found", true);
    }
}
