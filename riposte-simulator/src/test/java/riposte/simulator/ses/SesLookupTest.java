package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unknown indicators, input validation and generated population replies over HTTP. */
class SesLookupTest {

    private static final String UNKNOWN_SHA = "0000000000000000000000000000000000000000000000000000000000000001";

    private static SesSimulator sim;
    private static SesHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        sim = SesSimulator.builder().seed(42).build().start();
        http = new SesHttp(sim);
        token = http.token();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String body(String rawPath) {
        return http.ok(rawPath, token);
    }

    @Test
    void unknownIndicatorsGetTheEchoKeyAndEmptyArrays() {
        assertThat(body("/v1/threat-intel/insight/file/" + UNKNOWN_SHA)).isEqualTo("{\"file\":\"" + UNKNOWN_SHA + "\"}");
        assertThat(body("/v1/threat-intel/protection/file/" + UNKNOWN_SHA))
                .isEqualTo("{\"file\":\"" + UNKNOWN_SHA + "\",\"state\":[]}");
        assertThat(body("/v1/threat-intel/related/file/" + UNKNOWN_SHA))
                .isEqualTo("{\"file\":\"" + UNKNOWN_SHA + "\",\"related\":[]}");
        assertThat(body("/v1/threat-intel/processchain/file/" + UNKNOWN_SHA))
                .isEqualTo("{\"file\":\"" + UNKNOWN_SHA + "\",\"chain\":[]}");
        assertThat(body("/v1/threat-intel/insight/network/unknown-site.example.com"))
                .isEqualTo("{\"network\":\"unknown-site.example.com\"}");
        assertThat(body("/v1/threat-intel/insight/network/history/unknown-site.example.com"))
                .isEqualTo("{\"network\":\"unknown-site.example.com\",\"history\":[]}");
        assertThat(body("/v1/threat-intel/related/network/10.1.2.3"))
                .isEqualTo("{\"network\":\"10.1.2.3\",\"related\":[]}");
        assertThat(body("/v1/threat-intel/protection/cve/CVE-1999-0001"))
                .isEqualTo("{\"cve\":\"CVE-1999-0001\",\"state\":[]}");
    }

    @Test
    void malformedIndicatorsGet400WithAMessage() {
        var md5 = http.get("/v1/threat-intel/insight/file/44d88612fea8a8f36de82e1278abb02f", token);
        var network = http.get("/v1/threat-intel/insight/network/not%20a%20host!", token);
        var cve = http.get("/v1/threat-intel/protection/cve/CVE-12", token);

        assertThat(md5.statusCode()).isEqualTo(400);
        assertThat(md5.body()).isEqualTo("{\"message\":\"Invalid sha256\"}");
        assertThat(network.statusCode()).isEqualTo(400);
        assertThat(network.body()).isEqualTo("{\"message\":\"Invalid network\"}");
        assertThat(cve.statusCode()).isEqualTo(400);
        assertThat(cve.body()).isEqualTo("{\"message\":\"Invalid cve\"}");
    }

    @Test
    void upperCaseHashIsLookedUpButEchoedAsSent() {
        String upper = sim.population().maliciousFile(7).value().toUpperCase();
        JsonNode reply = SesHttp.json(body("/v1/threat-intel/insight/file/" + upper));
        assertThat(reply.get("file").asString()).isEqualTo(upper);
        assertThat(reply.get("reputation").asString()).isEqualTo("BAD");
    }

    @Test
    void populationUrlIsFoundEncodedOrRaw() {
        String url = sim.population().maliciousUrls(1).getFirst().withoutScheme();
        JsonNode raw = SesHttp.json(body("/v1/threat-intel/insight/network/" + url));
        JsonNode encoded = SesHttp.json(body("/v1/threat-intel/insight/network/" + url.replace("/", "%2F")));

        assertThat(raw.get("network").asString()).isEqualTo(url);
        assertThat(encoded.get("network").asString()).isEqualTo(url.replace("/", "%2F"));
        assertThat(raw.get("reputation").asString()).isEqualTo("BAD");
        assertThat(encoded.get("threatRiskLevel")).isEqualTo(raw.get("threatRiskLevel"));
    }

    @Test
    void maliciousShareOfARandomFileSampleIsRealistic() {
        Random random = new Random(7);
        int bad = 0;
        int missingReputation = 0;
        int sample = 400;
        for (int k = 0; k < sample; k++) {
            String sha = sim.population().file(random.nextLong(SesPopulation.FILES)).value();
            JsonNode reply = SesHttp.json(body("/v1/threat-intel/insight/file/" + sha));
            if (!reply.has("reputation")) missingReputation++;
            else if (reply.get("reputation").asString().equals("BAD")) bad++;
        }
        assertThat(bad).isBetween(sample * 8 / 100, sample * 25 / 100);
        assertThat(missingReputation).isPositive().isLessThan(sample / 5);
    }

    @Test
    void generatedRepliesUseTheReferenceVocabulary() {
        for (int i = 0; i < 40; i++) {
            String sha = sim.population().maliciousFile(i).value();
            JsonNode insight = SesHttp.json(body("/v1/threat-intel/insight/file/" + sha));
            assertThat(insight.get("prevalence").asString())
                    .isIn("LessThanFifty", "LessThanHundred", "Hundreds", "Thousands");
            insight.get("targetOrgs").get("topCountries").forEach(c -> assertThat(c.asString()).matches("[a-z]{2}"));
            for (JsonNode s : SesHttp.json(body("/v1/threat-intel/protection/file/" + sha)).get("state")) {
                assertThat(s.get("technology").asString()).isIn("AntiVirus", "Intrusion Prevention System",
                        "Behavioural Analysis & System Heuristics");
                assertThat(s.get("firstDefsetVersion").asString()).matches("\\d{8}\\.\\d{3}");
            }
            for (JsonNode r : SesHttp.json(body("/v1/threat-intel/related/file/" + sha)).get("related")) {
                assertThat(r.get("iocType").asString()).isIn("File", "Domain", "IP");
                assertThat(r.get("relation").asString()).isIn("byThreatActor", "byProcessChain", "bySignature",
                        "bySampleTraits", "byNetworkingTrait", "bySimilarIncidents");
            }
            JsonNode domain = SesHttp.json(body("/v1/threat-intel/insight/network/" + sim.population().domain(i).value()));
            assertThat(domain.get("threatRiskLevel").get("level").asInt()).isBetween(0, 10);
            assertThat(domain.get("prevalence").asString()).isIn("Low", "Medium", "High");
        }
    }

    @Test
    void relatedGraphIsWalkableFromFileToDomainAndBack() {
        String sha = sim.population().maliciousFile(16).value();
        List<String> domains = new ArrayList<>();
        for (int i = 16; domains.isEmpty() && i < 24; i++) {
            JsonNode related = SesHttp.json(body("/v1/threat-intel/related/file/" + sim.population().maliciousFile(i).value()));
            related.get("related").forEach(g -> {
                if (g.get("iocType").asString().equals("Domain")) g.get("iocValues").forEach(v -> domains.add(v.asString()));
            });
        }
        assertThat(domains).isNotEmpty();
        JsonNode back = SesHttp.json(body("/v1/threat-intel/related/network/" + domains.getFirst()));
        List<String> files = new ArrayList<>();
        back.get("related").forEach(g -> {
            if (g.get("iocType").asString().equals("File")) g.get("iocValues").forEach(v -> files.add(v.asString()));
        });
        assertThat(files).isNotEmpty().allMatch(f -> sim.population().isMaliciousFile(f));
        assertThat(files).contains(sha); // family members 16..23 share infrastructure; 16 is the family's first file
    }

    @Test
    void processChainsStartAtTheParentAndEndWithoutParentKey() {
        for (int i = 0; i < 30; i++) {
            String sha = sim.population().file(i * 33_331L).value();
            JsonNode reply = SesHttp.json(body("/v1/threat-intel/processchain/file/" + sha));
            assertThat(reply.propertyNames().iterator().next()).isEqualTo("file");
            for (JsonNode lineage : reply.get("chain")) {
                JsonNode node = lineage.get("parent");
                int depth = 0;
                while (node.has("parent")) {
                    assertThat(node.get("file").asString()).isNotEqualTo(sha).hasSize(64);
                    node = node.get("parent");
                    depth++;
                }
                assertThat(node.get("processName").asString()).endsWith(".exe");
                assertThat(depth).isLessThan(7);
            }
        }
    }

    @Test
    void historyIsOldestFirstAndEndsAtTheCurrentRiskLevel() {
        String domain = sim.population().domain(5).value();
        JsonNode insight = SesHttp.json(body("/v1/threat-intel/insight/network/" + domain));
        JsonNode history = SesHttp.json(body("/v1/threat-intel/insight/network/history/" + domain)).get("history");

        assertThat(history.size()).isPositive();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("threatRiskLevel")).isEqualTo(insight.get("threatRiskLevel"));
        assertThat(last.get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }
}
