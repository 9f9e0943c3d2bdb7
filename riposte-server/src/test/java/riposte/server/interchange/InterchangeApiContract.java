package riposte.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** TLP, STIX/MISP export and import, and the TAXII 2.1 server over HTTP; run on H2 and on PostgreSQL. */
abstract class InterchangeApiContract extends ApiTestBase {

    @Test
    void indicatorsAndIncidentsCarryATlpThatDefaultsToTheSettingAndOnlyEverRisesOnCreate() {
        String domain = unique("tlp") + ".example.com";
        var created = post("/api/v1/indicators", Map.of("value", domain));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("tlp").asString()).isEqualTo("TLP:AMBER");

        var lower = post("/api/v1/indicators", Map.of("value", domain, "tlp", "green"));
        assertThat(lower.get("tlp").asString()).isEqualTo("TLP:AMBER");
        var higher = post("/api/v1/indicators", Map.of("value", domain, "tlp", "amber+strict"));
        assertThat(higher.get("tlp").asString()).isEqualTo("TLP:AMBER+STRICT");

        long id = created.get("id").asLong();
        var patched = patch("/api/v1/indicators/" + id, Map.of("tlp", "TLP:CLEAR",
                "version", higher.get("version").asLong()));
        assertThat(patched.status()).as("%s", patched.body()).isEqualTo(200);
        assertThat(patched.get("tlp").asString()).isEqualTo("TLP:CLEAR");

        JsonNode bad = problem(post("/api/v1/indicators", Map.of("value", domain, "tlp", "purple")), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("tlp");
        assertThat(bad.get("errors").get(0).get("message").asString()).contains("amber+strict");

        var incident = post("/api/v1/incidents", Map.of("name", unique("TLP incident"), "tlp", "red"));
        assertThat(incident.status()).as("%s", incident.body()).isEqualTo(201);
        assertThat(incident.get("tlp").asString()).isEqualTo("TLP:RED");
        var defaulted = post("/api/v1/incidents", Map.of("name", unique("TLP incident")));
        assertThat(defaulted.get("tlp").asString()).isEqualTo("TLP:AMBER");
        var changed = patch("/api/v1/incidents/" + defaulted.get("id").asLong(),
                Map.of("tlp", "green", "version", defaulted.get("version").asLong()));
        assertThat(changed.get("tlp").asString()).isEqualTo("TLP:GREEN");
        problem(post("/api/v1/incidents", Map.of("name", unique("x"), "tlp", List.of("red"))), 400);
    }
}
