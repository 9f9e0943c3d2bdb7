package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmPoliciesTest {
    @Test
    void summaryListsOnePolicyPerTypeAndDomainAssignedToNonInheritingGroups() {
        try (SepmSimulator sim = SepmSimulator.builder().endpoints(20).seed(7).frozenClock(true).build().start()) {
            SepmTestClient c = new SepmTestClient(sim).login();
            JsonNode all = c.get("/sepm/api/v1/policies/summary").json();
            int domains = c.get("/sepm/api/v1/domains").json().size();

            assertThat(all.get("totalElements").asInt()).isEqualTo(13 * domains);
            assertThat(all.get("firstPage").asBoolean()).isTrue();
            JsonNode first = all.get("content").get(0);
            assertThat(first.get("id").asString()).hasSize(32);
            assertThat(first.get("enabled").asBoolean()).isTrue();
            assertThat(first.get("assignedtolocations").size()).isPositive();

            JsonNode fw = c.get("/sepm/api/v1/policies/summary/fw").json();
            assertThat(fw.get("totalElements").asInt()).isEqualTo(domains);
            assertThat(fw.get("content").get(0).get("policytype").asString()).isEqualTo("fw");
            assertThat(fw.get("content").get(0).get("name").asString()).isEqualTo("Firewall policy");
        }
    }

    @Test
    void anUnknownPolicyTypeIsRefusedAsSepmDoes() {
        try (SepmSimulator sim = SepmSimulator.builder().endpoints(5).seed(7).frozenClock(true).build().start()) {
            var r = new SepmTestClient(sim).login().get("/sepm/api/v1/policies/summary/nosuch");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errorMessage").asString()).isEqualTo("The policy type argument is invalid.");
        }
    }
}
