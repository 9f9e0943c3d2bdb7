package riposte.server.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Indicators, attributes and the operational endpoints over HTTP; run on H2 and on PostgreSQL. */
abstract class IndicatorApiContract extends ApiTestBase {

    @Test
    void indicatorsAreUniqueByTypeAndNormalisedValue() {
        String domain = unique("evil") + ".example.com";
        var created = post("/api/v1/indicators", Map.of("value", domain.toUpperCase(), "tags", List.of("phishing"),
                "verdict", "malicious", "confidence", 80));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.get("type").asString()).isEqualTo("domain");
        assertThat(created.get("value").asString()).isEqualTo(domain);
        assertThat(created.get("verdict").asString()).isEqualTo("MALICIOUS");

        var again = post("/api/v1/indicators", Map.of("value", domain.replace(".", "[.]"), "tags", List.of("apt")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.get("id")).isEqualTo(created.get("id"));
        assertThat(again.get("verdict").asString()).isEqualTo("MALICIOUS");
        assertThat(again.get("tags").valueStream().map(JsonNode::asString)).containsExactly("apt", "phishing");

        JsonNode bad = problem(post("/api/v1/indicators", Map.of("value", "not an indicator at all")), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(bad.get("errors").get(0).get("message").asString()).contains("SHA-256");
        JsonNode verdict = problem(post("/api/v1/indicators", Map.of("value", domain, "verdict", "evil")), 400);
        assertThat(verdict.get("errors").get(0).get("message").asString()).contains("MALICIOUS");
        problem(post("/api/v1/indicators", Map.of("value", domain, "confidence", 101)), 400);
    }

    @Test
    void listFiltersByTypeVerdictAndTag() {
        String tag = unique("campaign");
        post("/api/v1/indicators", Map.of("value", "10.9.8.7", "tags", List.of(tag), "verdict", "suspicious"));
        post("/api/v1/indicators", Map.of("value", unique("c2") + ".example.net", "tags", List.of(tag),
                "verdict", "malicious"));
        post("/api/v1/indicators", Map.of("value", unique("other") + ".example.net", "verdict", "malicious"));

        assertThat(get("/api/v1/indicators?tag=" + tag).get("totalItems").asLong()).isEqualTo(2);
        var domains = get("/api/v1/indicators?tag=" + tag + "&type=domain&verdict=MALICIOUS");
        assertThat(domains.get("totalItems").asLong()).isEqualTo(1);
        assertThat(domains.get("items").get(0).get("tags").get(0).asString()).isEqualTo(tag);
        assertThat(problem(get("/api/v1/indicators?type=hash"), 400).get("errors").get(0).get("field")
                .asString()).isEqualTo("type");
    }

    @Test
    void listSearchesValuesAndAttributesLiterally() {
        String name = unique("Find_Me");
        long id = post("/api/v1/indicators", Map.of("value", name + ".example.org")).get("id").asLong();
        post("/api/v1/indicators", Map.of("value", name.replace("_", "x") + ".example.org"));
        put("/api/v1/indicators/" + id + "/attributes", Map.of("name", "Symantec ThreatIntel Reputation",
                "value", "100% MALICIOUS " + name, "source", "ses"));

        // any case, and '_' and '%' are literal characters, not LIKE wildcards
        var byText = get("/api/v1/indicators?text=" + name.toUpperCase());
        assertThat(byText.get("totalItems").asLong()).isEqualTo(1);
        assertThat(byText.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(get("/api/v1/indicators?text=" + name.replace("_", "x").substring(0, 8) + "%25")
                .get("totalItems").asLong()).isZero();
        var byAttribute = get("/api/v1/indicators?attribute=symantec%20threatintel%20reputation&attributeValue="
                + "100%25%20malicious%20" + name);
        assertThat(byAttribute.get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/indicators?text=" + name + "&attribute=Symantec%20ThreatIntel%20Reputation")
                .get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/indicators?text=" + name.replace("_", "x") + "&attribute=Symantec%20ThreatIntel%20Reputation")
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void tagsAndVerdictAreUpdatedWithOptimisticLocking() {
        var created = post("/api/v1/indicators", Map.of("value", "CVE-2024-" + (10000 + (int) (Math.random() * 80000))));
        long id = created.get("id").asLong();
        var updated = patch("/api/v1/indicators/" + id, Map.of("tags", List.of("patched"), "verdict", "benign",
                "version", created.get("version").asLong()));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(updated.get("verdict").asString()).isEqualTo("BENIGN");
        assertThat(updated.get("tags").get(0).asString()).isEqualTo("patched");
        problem(patch("/api/v1/indicators/" + id, Map.of("verdict", "malicious",
                "version", created.get("version").asLong())), 409);
        problem(get("/api/v1/indicators/999999999"), 404);
    }

    @Test
    void attributeValuesAreUpsertedPerIndicatorDefinitionAndSource() {
        long id = post("/api/v1/indicators", Map.of("value", unique("attr") + ".example.org")).get("id").asLong();
        String path = "/api/v1/indicators/" + id + "/attributes";
        var first = put(path, Map.of("name", "Symantec ThreatIntel Reputation", "value", "SUSPICIOUS", "source", "ses"));
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        var second = put(path, Map.of("name", "symantec threatintel reputation", "value", "MALICIOUS",
                "source", "ses"));
        assertThat(second.get("value").asString()).isEqualTo("MALICIOUS");
        assertThat(second.get("source").asString()).isEqualTo("ses");
        assertThat(second.get("version").asLong()).isEqualTo(1);
        assertThat(second.get("createdAt")).isEqualTo(first.get("createdAt"));

        var list = get(path);
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).get("name").asString()).isEqualTo("Symantec ThreatIntel Reputation");

        var otherSource = put(path, Map.of("name", "Symantec ThreatIntel Reputation", "value", "BAD",
                "source", "ses-simulator"));
        assertThat(otherSource.get("version").asLong()).as("a second source does not replace the first").isZero();
        assertThat(get(path).body().valueStream().map(a -> a.get("source").asString() + "=" + a.get("value").asString()))
                .containsExactlyInAnyOrder("ses=MALICIOUS", "ses-simulator=BAD");

        JsonNode unknown = problem(put(path, Map.of("name", "Colour", "value", "red", "source", "me")), 400);
        assertThat(unknown.get("errors").get(0).get("message").asString()).contains("Symantec ThreatIntel Reputation");
        problem(put("/api/v1/indicators/999999999/attributes",
                Map.of("name", "Symantec ThreatIntel Reputation", "value", "x", "source", "me")), 404);

        var audit = get("/api/v1/audit?objectType=attribute&objectId=" + id + "/" + second.get("definitionId").asLong());
        assertThat(audit.get("items").valueStream().map(a -> a.get("action").asString()))
                .containsExactly("create", "update", "create");
    }

    @Test
    void openApiHealthAndMetricsAreServed() {
        var openapi = get("/api/v1/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.get("openapi").asString()).startsWith("3.");
        assertThat(openapi.get("paths").has("/api/v1/incidents")).isTrue();
        assertThat(openapi.get("paths").has("/api/v1/indicators/{id}/attributes")).isTrue();
        var health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(get("/api/v1/attribute-definitions").body().size()).isGreaterThanOrEqualTo(8);
    }
}
