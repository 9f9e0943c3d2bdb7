package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmFingerprintTest {
    private static final String V1 = "/sepm/api/v1/policy-objects/fingerprints";
    private static final String V2 = "/sepm/api/v2/policy-objects/fingerprints";
    private static SepmSimulator sim;
    private static SepmTestClient client;
    private static String domainId;

    @BeforeAll
    static void start() {
        sim = SepmSimulator.builder().endpoints(10).frozenClock(true).build().start();
        client = new SepmTestClient(sim).login();
        domainId = client.get("/sepm/api/v1/domains").json().get(0).get("id").asString();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String v1Body(String name, String... hashes) {
        return "{\"name\":\"" + name + "\",\"description\":\"d\",\"domainId\":\"" + domainId
                + "\",\"hashType\":\"MD5\",\"data\":[\"" + String.join("\",\"", hashes) + "\"]}";
    }

    private static String group(String path) {
        return client.get("/sepm/api/v1/groups?fullPathName=" + path).json().get("content").get(0).get("id").asString();
    }

    @Test
    void v1ListLifecycleWithConflictAndGoneAnswers() {
        var missing = client.get(V1 + "?name=Blacklist2");
        assertThat(missing.status()).isEqualTo(410);
        assertThat(missing.json().get("errorCode").asString()).isEqualTo("410");
        assertThat(missing.json().get("errorMessage").asString()).isEqualTo("Fingerprint list with ID Blacklist2 do not exist");

        var created = client.post(V1, v1Body("Blacklist2", "0b9e4cb2af3dd1686accf0c469ce7b60"));
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("id").asString();
        assertThat(id).matches("[0-9A-F]{32}");
        assertThat(client.post(V1, v1Body("Blacklist2", "0b9e4cb2af3dd1686accf0c469ce7b60")).status()).isEqualTo(409);

        JsonNode byName = client.get(V1 + "?name=Blacklist2&domainId=" + domainId).json();
        assertThat(byName.get("id").asString()).isEqualTo(id);
        assertThat(byName.get("hashType").asString()).isEqualTo("MD5");
        assertThat(byName.get("source").asString()).isEqualTo("WEBSERVICE");
        assertThat(byName.get("data").get(0).asString()).isEqualTo("0B9E4CB2AF3DD1686ACCF0C469CE7B60");
        assertThat(byName.has("domainId")).isFalse();

        var updated = client.post(V1 + "/" + id, v1Body("Blacklist2", "0b9e4cb2af3dd1686accf0c469ce7b60",
                "582f9b6e0cc4c1dbbd772aaaf088cb3a"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(client.get(V1 + "/" + id).json().get("data")).hasSize(2);

        assertThat(client.send("DELETE", V1 + "/" + id, null, null).status()).isEqualTo(200);
        assertThat(client.get(V1 + "/" + id).status()).isEqualTo(410);
        assertThat(client.send("DELETE", V1 + "/" + id, null, null).status()).isEqualTo(410);
        assertThat(client.post(V1 + "/" + id, v1Body("Blacklist2", "00")).status()).isEqualTo(410);
    }

    @Test
    void v2ListsWithMixedEntriesSendV1ClientsToV2() {
        String body = "{\"name\":\"Mixed\",\"description\":\"x\",\"domainId\":\"" + domainId + "\",\"data\":["
                + "{\"SHA256\":\"9a4e26d0aa\"},{\"MD5\":\"ff8c0539\",\"SHA256\":\"02e18823\"}]}";
        String id = client.post(V2, body).json().get("id").asString();

        JsonNode v2 = client.get(V2 + "/" + id).json();
        assertThat(v2.get("data").get(1).get("MD5").asString()).isEqualTo("FF8C0539");
        var v1 = client.get(V1 + "/" + id);
        assertThat(v1.status()).isEqualTo(400);
        assertThat(v1.json().get("errorMessage").asString()).contains("This FingerprintList is not supported by V1, please try V2!");
        // fn_sep's update first tries v1 with dict data, then retries on v2.
        String dictUpdate = "{\"name\":\"Mixed\",\"description\":\"x\",\"domainId\":\"" + domainId
                + "\",\"data\":[{\"MD5\":\"aa\"}]}";
        assertThat(client.post(V1 + "/" + id, dictUpdate).json().get("errorMessage").asString()).contains("try V2");
        assertThat(client.post(V2 + "/" + id, dictUpdate).status()).isEqualTo(200);
        assertThat(client.get(V1 + "/" + id).json().get("data").get(0).asString()).isEqualTo("AA");
    }

    @Test
    void lockdownAssignmentKeepsGroupIdsInStep() {
        String id = client.post(V1, v1Body("Locked", "582f9b6e0cc4c1dbbd772aaaf088cb3a")).json().get("id").asString();
        String finance = group("My%20Company%5CWorkstations%5CFinance");
        String sales = group("My%20Company%5CWorkstations%5CSales");
        String path = "/sepm/api/v1/groups/" + finance + "/system-lockdown/fingerprints/" + id;

        assertThat(client.send("PUT", path, null, null).status()).isEqualTo(200);
        assertThat(client.get(V1 + "/" + id).json().get("groupIds").get(0).asString()).isEqualTo(finance);
        var inherited = client.send("PUT", "/sepm/api/v1/groups/" + sales + "/system-lockdown/fingerprints/" + id,
                "{}", "application/json");
        assertThat(inherited.status()).isEqualTo(409);
        assertThat(client.send("PUT", "/sepm/api/v1/groups/" + finance
                + "/system-lockdown/fingerprints/00000000000000000000000000000000", null, null).status()).isEqualTo(400);
        assertThat(client.send("PUT", "/sepm/api/v1/groups/00000000000000000000000000000000"
                + "/system-lockdown/fingerprints/" + id, null, null).status()).isEqualTo(410);

        assertThat(client.send("DELETE", path, null, null).status()).isEqualTo(200);
        assertThat(client.get(V1 + "/" + id).json().get("groupIds")).isEmpty();
    }

    @Test
    void invalidPayloadsAre400() {
        assertThat(client.post(V1, "{\"name\":\"a/b\",\"domainId\":\"\",\"hashType\":\"MD5\",\"data\":[\"aa\"]}")
                .status()).isEqualTo(400);
        assertThat(client.post(V1, "{\"name\":\"empty\",\"domainId\":\"\",\"hashType\":\"MD5\",\"data\":[]}")
                .status()).isEqualTo(400);
        assertThat(client.post(V1, "{\"name\":\"sha1\",\"domainId\":\"\",\"hashType\":\"SHA1\",\"data\":[\"aa\"]}")
                .status()).isEqualTo(400);
        assertThat(client.post(V1, "not json").json().get("errorCode").asString()).isEqualTo("400");
        assertThat(client.get(V1).status()).isEqualTo(400);
    }
}
