package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reference's quoted replies, served verbatim; expected JSON is copied from the reference, not the code. */
class SesCuratedRecordsTest {

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

    private static void assertSameJson(String actual, String expected) {
        JsonNode a = SesHttp.json(actual);
        JsonNode e = SesHttp.json(expected);
        assertThat(a).isEqualTo(e);
        // ObjectNode equality ignores key order; the echo key must come first as in every real reply.
        assertThat(a.propertyNames().iterator().next()).isEqualTo(e.propertyNames().iterator().next());
    }

    @Test
    void fileInsightForTheWaterbugFixture() {
        assertSameJson(body("/v1/threat-intel/insight/file/eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d"), """
                {"file":"eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d","firstSeen":"2020-12-01",
                 "lastSeen":"2020-12-01","reputation":"BAD","prevalence":"LessThanHundred",
                 "targetOrgs":{"topCountries":["us,in"],"topIndustries":["government,tecnology"]},"actors":["Waterbug"],
                 "associatedReferences":[{"url":"https://threat-landscape-bulletin.broadcom.com/item/48e7388e-caca-417e-907d-b81a5665503d",
                 "description":"New backdoor used in espionage campaigns"}]}""");
    }

    @Test
    void networkInsightForDomainAndIpFixtures() {
        assertSameJson(body("/v1/threat-intel/insight/network/elblogdeloscachanillas.com.mx"), """
                {"network":"elblogdeloscachanillas.com.mx","threatRiskLevel":{"level":10},
                 "categorization":{"categories":[{"id":43,"name":"Malicious Sources/Malnets"}]},"reputation":"BAD",
                 "prevalence":"Low","firstSeen":"2019-08-30","lastSeen":"2024-01-24",
                 "targetOrgs":{"topCountries":["qa","il","tw","gb","ec","us"],
                 "topIndustries":["Utilities","Financial Services","Information Technology"]}}""");
        assertSameJson(body("/v1/threat-intel/insight/network/8.8.8.8"), """
                {"network":"8.8.8.8","threatRiskLevel":{"level":2},
                 "categorization":{"categories":[{"id":96,"name":"Web Infrastructure"}]},"reputation":"GOOD",
                 "prevalence":"Medium","firstSeen":"2023-07-10","lastSeen":"2023-12-18",
                 "targetOrgs":{"topCountries":["hk","jp","tn","cn","us"],
                 "topIndustries":[null,"Retail","Real Estate","Manufacturing"]}}""");
    }

    @Test
    void encodedUrlIsEchoedAsSentAndRawUrlIsAccepted() {
        String expectedTail = """
                "threatRiskLevel":{"level":10},"categorization":{"categories":[{"id":43,"name":"Malicious Sources/Malnets"}]},
                "reputation":"BAD"}""";
        assertSameJson(body("/v1/threat-intel/insight/network/elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png"),
                "{\"network\":\"elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png\"," + expectedTail);
        assertSameJson(body("/v1/threat-intel/insight/network/elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png"),
                "{\"network\":\"elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png\"," + expectedTail);
    }

    @Test
    void fileAndNetworkProtectionFixtures() {
        assertSameJson(body("/v1/threat-intel/protection/file/64c731adbe1b96cb5765203b1e215093dcf268d020b299445884a4ae62ed2d3a"), """
                {"file":"64c731adbe1b96cb5765203b1e215093dcf268d020b299445884a4ae62ed2d3a","state":[
                 {"technology":"AntiVirus","firstDefsetVersion":"20160428.021","threatName":"Trojan.Gen.2"},
                 {"technology":"Intrusion Prevention System","firstDefsetVersion":"20221025.061",
                  "threatName":"System Infected: Trojan.Backdoor Activity 634"},
                 {"technology":"Behavioural Analysis & System Heuristics","firstDefsetVersion":"20230420.001",
                  "threatName":"SONAR.SuspScr!gen1"}]}""");
        assertSameJson(body("/v1/threat-intel/protection/network/nicolascoolman.eu"), """
                {"network":"nicolascoolman.eu","state":[
                 {"technology":"AntiVirus","firstDefsetVersion":"2023.03.14.024","threatName":"WS.Reputation.1"},
                 {"technology":"Behavioural Analysis & System Heuristics","firstDefsetVersion":"20230301.001",
                  "threatName":"SONAR.Heur.Dropper"}]}""");
    }

    @Test
    void cveProtectionEchoesTheCveKey() {
        assertSameJson(body("/v1/threat-intel/protection/cve/CVE-2023-35311"), """
                {"cve":"CVE-2023-35311","state":[{"technology":"Intrusion Prevention System",
                 "firstDefsetVersion":"20230712.061","threatName":"Web Attack: Microsoft Outlook CVE-2023-35311"}]}""");
        JsonNode older = SesHttp.json(body("/v1/threat-intel/protection/cve/CVE-2017-0038"));
        assertThat(older.get("cve").asString()).isEqualTo("CVE-2017-0038");
        assertThat(older.has("file")).isFalse();
        assertThat(older.get("state").size()).isPositive();
    }

    @Test
    void processChainFromTheSlidesEndsAtWininit() {
        JsonNode reply = SesHttp.json(body(
                "/v1/threat-intel/processchain/file/5a3f0b0929bfc626012f45ce80d4316497c676e1e639bc3b241d5e9b5f113899"));
        assertThat(reply.get("file").asString()).startsWith("5a3f0b09");
        JsonNode node = reply.get("chain").get(0).get("parent");
        StringBuilder names = new StringBuilder();
        while (node != null) {
            assertThat(node.get("file").asString()).hasSize(64);
            names.append(node.get("processName").asString()).append(' ');
            node = node.get("parent");
        }
        assertThat(names.toString().strip()).isEqualTo("cmd.exe cmd.exe w3wp.exe svchost.exe services.exe wininit.exe");
    }

    @Test
    void waterbugRelatedAndChainPointAtKnownFiles() {
        String waterbug = "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d";
        JsonNode related = SesHttp.json(body("/v1/threat-intel/related/file/" + waterbug)).get("related");
        assertThat(related.get(0).get("relation").asString()).isEqualTo("byProcessChain");
        assertThat(related.get(1).get("relation").asString()).isEqualTo("bySignature");
        for (JsonNode group : related) {
            assertThat(group.get("iocType").asString()).isEqualTo("File");
            group.get("iocValues").forEach(v -> assertThat(sim.population().isMaliciousFile(v.asString())).isTrue());
        }
        JsonNode chain = SesHttp.json(body("/v1/threat-intel/processchain/file/" + waterbug)).get("chain");
        assertThat(chain.get(0).get("parent").get("processName").asString())
                .isEqualTo("fe392ea0a9f14s4dfeda8d9u0233a6ioq6e47a5n3.exe");
        assertThat(chain.get(0).get("parent").get("parent").has("parent")).isFalse();
    }
}
