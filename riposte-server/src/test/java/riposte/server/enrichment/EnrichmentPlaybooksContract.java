package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import riposte.core.playbook.Expressions;
import riposte.core.playbook.FunctionCatalog;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookCatalog;
import riposte.core.playbook.PlaybookEngine;
import riposte.core.playbook.PlaybookLoader;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.PlaybookRun;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.RunState;
import riposte.core.playbook.Trigger;
import riposte.server.ApiTestBase;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;

/**
 * The built-in enrichment playbooks, run by the core in-memory engine against the server's {@link PlaybookPorts}
 * bean, with the SES simulator over real HTTP: attributes, reports (HTML, JSON, PDF text) and associations are
 * checked over the REST API.
 */
abstract class EnrichmentPlaybooksContract extends ApiTestBase {
    static final String MALICIOUS_FILE = "5c299eeb3a64a3f25ba06556cb1e0a74263ff4d8328914a57fb1c2cb8f693025";
    static final String MALICIOUS_DOMAIN = "takecige.biz";
    static final SesSimulator SES = SesSimulator.builder().port(0).build().start();

    @DynamicPropertySource
    static void ses(DynamicPropertyRegistry registry) {
        registry.add("riposte.ses.url", () -> SES.baseUrl().toString());
        registry.add("riposte.ses.client-id", SES::clientId);
        registry.add("riposte.ses.client-secret", SES::clientSecret);
    }


    @Autowired
    PlaybookPorts ports;

    @Autowired
    SesConnection connection;

    final PlaybookCatalog builtIns = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions()).load(null);

    PlaybookRun run(String playbook, long indicatorId, String type, String value, Map<String, ?> inputs) {
        var engine = new PlaybookEngine(new Expressions(), ports, Clock.systemUTC());
        Map<String, Object> data = new HashMap<>();
        data.put("type", type);
        data.put("value", value);
        data.put("attributes", Map.of());
        data.put("tags", java.util.List.of());
        var subject = new PlaybookSubject(new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(indicatorId)), data);
        return engine.start(builtIns.find(playbook).orElseThrow(), subject, inputs, Trigger.manual("tester"));
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
        PlaybookRun run = run("ses-file-insight", id, "sha256", MALICIOUS_FILE, Map.of());
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
}
