package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import riposte.server.ApiTestBase;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;

/** Auto-enrichment through the real ports: a new indicator gets its Symantec attributes and report by itself. */
class H2AutoEnrichmentTest extends ApiTestBase {
    static final SesSimulator SES = SesSimulator.builder().port(0).build().start();

    @DynamicPropertySource
    static void ses(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:riposte-auto-enrichment;DB_CLOSE_DELAY=-1");
        registry.add("riposte.playbooks.auto-enrichment.enabled", () -> "true"); // ApiTestBase turns it off
        registry.add("riposte.ses.url", () -> SES.baseUrl().toString());
        registry.add("riposte.ses.client-id", SES::clientId);
        registry.add("riposte.ses.client-secret", SES::clientSecret);
    }

    @Test
    void anAllowListedIndicatorIsNotEnrichedWhileAnotherIs() throws Exception {
        String listed = SES.population().maliciousDomains(30).get(27).value();
        String other = SES.population().maliciousDomains(30).get(26).value();
        assertThat(post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", listed,
                "reason", "our partner"))))).extracting(Reply::status).isEqualTo(201);
        long skipped = post("/api/v1/indicators", Map.of("value", listed)).get("id").asLong();
        long enriched = post("/api/v1/indicators", Map.of("value", other)).get("id").asLong();
        JsonNode skips = null;
        JsonNode reports = null;
        for (int i = 0; i < 300; i++) {
            skips = get("/api/v1/audit?action=skip&objectType=indicator&objectId=" + skipped).body();
            reports = get("/api/v1/reports?indicatorId=" + enriched).body();
            if (skips.get("totalItems").asInt() > 0 && reports.get("totalItems").asInt() > 0) break;
            Thread.sleep(100);
        }
        assertThat(reports.get("totalItems").asInt()).as("the other indicator is enriched").isPositive();
        assertThat(skips.get("totalItems").asInt()).as("the skip is audited").isPositive();
        JsonNode skip = skips.get("items").get(0);
        assertThat(skip.get("actor").asString()).isEqualTo("system");
        assertThat(skip.get("after").get("playbook").asString()).startsWith("ses-");
        assertThat(skip.get("after").get("allowlistReason").asString()).isEqualTo("our partner (allow-list entry "
                + listed + ")");
        assertThat(get("/api/v1/runs?objectKind=indicator&objectId=" + skipped).get("totalItems").asInt())
                .as("no run on the allow-listed indicator").isZero();
        assertThat(get("/api/v1/reports?indicatorId=" + skipped).get("totalItems").asInt()).isZero();

        // an analyst may insist: a manual run still starts, and the playbook sees indicator.allowlisted
        Reply manual = post("/api/v1/playbooks/ses-network-insight/runs", Map.of("object",
                Map.of("kind", "indicator", "id", String.valueOf(skipped))));
        assertThat(manual.status()).as("%s", manual.body()).isEqualTo(202);
    }

    @Test
    void aNewDomainIsEnrichedByItself() throws Exception {
        String domain = SES.population().maliciousDomains(30).get(29).value();
        long id = post("/api/v1/indicators", Map.of("value", domain)).get("id").asLong();
        JsonNode reports = null;
        for (int i = 0; i < 300; i++) {
            reports = get("/api/v1/reports?indicatorId=" + id).body();
            if (reports.get("totalItems").asInt() > 0) break;
            Thread.sleep(100);
        }
        assertThat(reports.get("totalItems").asInt()).as("runs: %s", get("/api/v1/runs?objectKind=indicator&objectId="
                + id).body()).isPositive();
        assertThat(reports.get("items").get(0).get("title").asString())
                .startsWith("Symantec ThreatIntel Network Insight Report - ");
        assertThat(get("/api/v1/indicators/" + id + "/attributes").body().valueStream()
                .map(a -> a.get("name").asString())).contains("Symantec ThreatIntel Reputation",
                "Symantec ThreatIntel Risk Level");
    }

    /**
     * Issue 16 item 11: a bulk job's new indicators are enriched once, by the job; the auto-enrichment rule does not
     * start the job's playbooks on them a second time. Counted at the SES simulator (N files, N insight calls) and in
     * the runs (one per indicator and playbook: the job's). The rules fire when each indicator commits, before the
     * job's own run on it asks SES anything, so a rule run would be recorded by the time the job completes.
     */
    @Test
    void aBulkJobsNewIndicatorsAreEnrichedOnceNotAgainByTheRule() throws Exception {
        int n = 12;
        List<String> files = SES.population().maliciousFiles(200).subList(180, 180 + n).stream()
                .map(h -> h.value()).toList();
        long insightBefore = SES.stats().calls("GET /v1/threat-intel/insight/file/{sha256}");
        Reply started = post("/api/v1/enrichment/bulk", Map.of("indicators", files,
                "playbooks", List.of("ses-file-insight")));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String id = started.get("id").asString();
        JsonNode job = null;
        for (int i = 0; i < 600; i++) {
            job = get("/api/v1/enrichment/bulk/" + id).body();
            if (job.get("state").asString().equals("completed")) break;
            Thread.sleep(100);
        }
        assertThat(job.get("state").asString()).as("%s", job).isEqualTo("completed");
        assertThat(job.get("completed").asInt()).isEqualTo(n);
        for (JsonNode item : job.get("items")) {
            JsonNode runs = get("/api/v1/runs?objectKind=indicator&playbook=ses-file-insight&objectId="
                    + item.get("indicatorId").asLong()).body();
            assertThat(runs.get("totalItems").asInt()).as("ses-file-insight runs on %s: %s", item.get("value"), runs)
                    .isEqualTo(1);
        }
        assertThat(SES.stats().calls("GET /v1/threat-intel/insight/file/{sha256}") - insightBefore)
                .as("insight calls for %d new files", n).isEqualTo(n);
    }
}
