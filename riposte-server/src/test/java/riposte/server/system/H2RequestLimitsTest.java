package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 10: what one request may cost is bounded, and each limit is a 400 naming the field and the limit
 * (docs/server.md "Limits on one request"). Body size and nesting depth are in AuthorizationMatrixContract.
 */
class H2RequestLimitsTest extends ApiTestBase {

    private String firstError(Reply reply) {
        JsonNode p = problem(reply, 400);
        JsonNode errors = p.get("errors");
        return errors != null && !errors.isEmpty() ? errors.get(0).get("field").asString() + ": "
                + errors.get(0).get("message").asString() : p.get("detail").asString();
    }

    @Test
    void pageSizeOverTheMaximumNamesTheLimitOnEveryList() {
        for (String list : List.of("/api/v1/incidents", "/api/v1/indicators", "/api/v1/mail/messages", "/api/v1/audit")) {
            assertThat(firstError(get(list + "?size=201"))).as(list)
                    .isEqualTo("size: must be between 1 and 200 (the largest page: riposte.server.max-page-size)");
        }
        // the mail list clamped silently before
        assertThat(firstError(get("/api/v1/mail/messages?size=0"))).startsWith("size: must be between 1 and 200");
        assertThat(get("/api/v1/mail/messages?size=200").status()).isEqualTo(200);
    }

    @Test
    void stringLengthsAreCheckedWithTheFieldAndTheLimit() {
        assertThat(firstError(post("/api/v1/incidents", Map.of("name", "x".repeat(501), "severity", "LOW"))))
                .contains("name").contains("500");
        long incident = post("/api/v1/incidents", Map.of("name", unique("limits"), "severity", "LOW")).body()
                .get("id").asLong();
        assertThat(firstError(post("/api/v1/incidents/" + incident + "/notes", Map.of("body", "n".repeat(100_001)))))
                .contains("body").contains("100000");
        assertThat(firstError(post("/api/v1/incidents/" + incident + "/artifacts", Map.of("value", "a".repeat(8193)))))
                .contains("value").contains("8192");
        assertThat(firstError(put("/api/v1/mail/rule", Map.of("subjects", List.of("s".repeat(501)), "senders",
                List.of(), "version", get("/api/v1/mail/rule").body().get("version").asLong()))))
                .isEqualTo("subjects[0]: must be at most 500 characters, got 501");
        assertThat(firstError(put("/api/v1/mail/rule", Map.of("subjects", List.of("a\nb"), "senders", List.of(),
                "version", 0)))).isEqualTo("subjects[0]: must be one line");
    }

    @Test
    void countsPerRequestAreBounded() {
        assertThat(firstError(post("/api/v1/enrichment/bulk", Map.of("indicators",
                Collections.nCopies(10_001, "evil.example"))))).isEqualTo("indicators: at most 10000 per request, got 10001");
        assertThat(firstError(post("/api/v1/enrichment/bulk", Map.of("indicators", List.of("evil.example"),
                "playbooks", Collections.nCopies(51, "ses-network-insight")))))
                .isEqualTo("playbooks: at most 50 per request, got 51");
        assertThat(firstError(post("/api/v1/allowlist", Map.of("entries",
                Collections.nCopies(1001, Map.of("value", "10.0.0.1", "reason", "r"))))))
                .isEqualTo("entries: at most 1000 per request, got 1001");
        assertThat(firstError(put("/api/v1/mail/rule", Map.of("subjects", Collections.nCopies(101, "s"), "senders",
                List.of(), "version", 0)))).isEqualTo("subjects: at most 100 entries, got 101");
    }

    /** Found by riposte-bench's FuzzBenchmark (500 before). */
    @Test
    void aQueryParameterWithoutANameIsA400() {
        assertThat(firstError(get("/api/v1/incidents?=0&page=0"))).contains("parameter without a name");
        assertThat(firstError(post("/api/v1/attribute-definitions/import", Map.of("attributeDefinitions",
                List.of(Map.of("name", "x", "description", Map.of("a", 1)))))))
                .isEqualTo("attributeDefinitions[0].description: must be a string, not an object");
    }
}
