package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmCommandTest {
    /** The fn_sep 1.2 scan document (reference §3.5). */
    static String scanXml(String sha256, boolean remediate) {
        return """

                <EOC creator="SOAR" version="" id="">
                    <DataSource name="" id="" version="" />
                    <ScanType>QUICK_SCAN</ScanType>
                    %s<Threat category="" type="" severity="" time="">
                        <Description>Scan eoc for suspicious hash</Description>
                        <Attacker></Attacker>
                    </Threat>
                    <Activity>
                        <OS id="1" name="" version="" patch="">
                            <Process></Process>
                            <Files>
                                <File name="SHA256" action="create"><Hash name="SHA256" value="%s" /></File>
                                <File name="SHA1" action="create"><Hash name="SHA1" value="" /></File>
                                <File name="MD5" action="create"><Hash name="MD5" value="" /></File>
                            </Files>
                            <Registry></Registry>
                            <Network></Network>
                        </OS>
                    </Activity>
                </EOC>""".formatted(remediate ? "<RemediationAction>REMEDIATE</RemediationAction>" : "", sha256);
    }

    private SepmSimulator sim;
    private SepmTestClient client;

    @BeforeEach
    void start() {
        sim = SepmSimulator.builder().endpoints(400).seed(11).offlineFraction(0.2).frozenClock(true)
                .agentDelay(Duration.ofSeconds(10), Duration.ofSeconds(20))
                .startTime(Instant.parse("2026-03-01T10:00:00Z")).build().start();
        client = new SepmTestClient(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<JsonNode> allComputers() {
        List<JsonNode> out = new java.util.ArrayList<>(client.all("/sepm/api/v1/computers", 500));
        String lab = client.get("/sepm/api/v1/domains").json().get(1).get("id").asString();
        out.addAll(client.all("/sepm/api/v1/computers?domain=" + lab, 500));
        return out;
    }

    private List<JsonNode> rows(String commandId) {
        return client.all("/sepm/api/v1/command-queue/" + commandId, 50);
    }

    @Test
    void eocScanAdvancesOverSimulatedTimeAndFindsTheSeededMaliciousFiles() {
        String sha = sim.maliciousSha256s().getFirst();
        List<String> holders = sim.computersHolding(sha);
        assertThat(holders).isNotEmpty();
        List<JsonNode> computers = allComputers();
        assertThat(computers).hasSize(400);
        String ids = String.join(",", computers.stream().map(c -> c.get("uniqueId").asString()).toList());

        // fn_sep sends the XML as application/json.
        var submitted = client.post("/sepm/api/v1/command-queue/eoc?computer_ids=" + ids, scanXml(sha, false));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().properties()).hasSize(1);
        String id = submitted.json().get("commandID_computer").asString();
        assertThat(id).matches("[0-9A-F]{32}");

        JsonNode initial = client.get("/sepm/api/v1/command-queue/" + id).json();
        assertThat(initial.get("content")).isEmpty();
        assertThat(initial.get("sort").get(0).get("property").asString()).isEqualTo("Begintime");

        sim.advance(Duration.ofSeconds(2));
        assertThat(rows(id)).hasSize(400).allSatisfy(r -> {
            assertThat(r.get("stateId").asInt()).isZero();
            assertThat(r.get("beginTime").isNull()).isTrue();
            assertThat(r.get("resultInXML").isNull()).isTrue();
        });

        // Agents receive at a quarter of their 10-20 s delay, start at half, complete at the end.
        sim.advance(Duration.ofSeconds(2));
        assertThat(rows(id)).extracting(r -> r.get("stateId").asInt()).contains(0, 1).doesNotContain(2, 3);
        sim.advance(Duration.ofSeconds(4));
        assertThat(rows(id)).extracting(r -> r.get("stateId").asInt()).contains(1, 2).doesNotContain(3);

        sim.advance(Duration.ofSeconds(30));
        List<JsonNode> done = rows(id);
        long online = computers.stream().filter(c -> c.get("onlineStatus").asInt() == 1).count();
        assertThat(done).filteredOn(r -> r.get("stateId").asInt() == 3).hasSize((int) online);
        assertThat(done).filteredOn(r -> r.get("stateId").asInt() == 0).hasSize(400 - (int) online)
                .allSatisfy(r -> assertThat(r.get("beginTime").isNull()).isTrue());
        // null begin times sort first
        assertThat(done.getFirst().get("stateId").asInt()).isZero();
        JsonNode completed = done.getLast();
        assertThat(completed.get("beginTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(completed.get("subStateDesc").asString()).isEmpty();

        List<JsonNode> matched = done.stream().filter(r -> r.get("stateId").asInt() == 3)
                .filter(r -> r.get("resultInXML").asString().contains("HASH_MATCH")).toList();
        List<String> onlineHolders = holders.stream().filter(h -> computers.stream().anyMatch(c ->
                c.get("uniqueId").asString().equals(h) && c.get("onlineStatus").asInt() == 1)).toList();
        assertThat(matched).extracting(r -> r.get("computerId").asString())
                .containsExactlyInAnyOrderElementsOf(onlineHolders);
        String xml = matched.getFirst().get("resultInXML").asString();
        assertThat(xml).startsWith("<EOC creator=\"SOAR\" version=\"\" id=\"\">")
                .contains("<Hash name=\"SHA256\" value=\"" + sha + "\"/>")
                .contains("<Matched result=\"HASH_MATCH\" value=\"C:\\")
                .contains("<File name=\"SHA1\" action=\"create\">\n                    <Matched result=\"NO_MATCH\"/></File>")
                .doesNotContain("remediation=");
        assertThat(done).filteredOn(r -> r.get("stateId").asInt() == 3)
                .filteredOn(r -> !onlineHolders.contains(r.get("computerId").asString()))
                .allSatisfy(r -> assertThat(r.get("resultInXML").asString()).doesNotContain("HASH_MATCH"));
    }

    @Test
    void remediationRemovesTheFilesAndReportsTheOutcome() {
        String sha = sim.maliciousSha256s().getFirst();
        List<String> holders = sim.computersHolding(sha);
        String repeated = String.join("&", holders.stream().map(h -> "computer_ids=" + h).toList());

        String id = client.send("POST", "/sepm/api/v1/command-queue/eoc?" + repeated, scanXml(sha, true),
                "application/xml").json().get("commandID_computer").asString();
        sim.advance(Duration.ofSeconds(25));

        List<JsonNode> done = rows(id).stream().filter(r -> r.get("stateId").asInt() == 3).toList();
        assertThat(done).isNotEmpty().allSatisfy(r ->
                assertThat(r.get("resultInXML").asString()).contains("<RemediationAction>REMEDIATE</RemediationAction>")
                        .containsPattern("remediation=\"(SUCCEEDED|FAILED)\""));
        List<String> stillHolding = sim.computersHolding(sha);
        for (JsonNode row : done) {
            String computer = row.get("computerId").asString();
            boolean failed = row.get("resultInXML").asString().contains("remediation=\"FAILED\"");
            assertThat(stillHolding.contains(computer)).as(computer).isEqualTo(failed);
        }
        assertThat(stillHolding.size()).isLessThan(holders.size());

        String rescan = client.post("/sepm/api/v1/command-queue/eoc?computer_ids=" + done.getFirst()
                .get("computerId").asString(), scanXml(sha, false)).json().get("commandID_computer").asString();
        sim.advance(Duration.ofSeconds(25));
        String after = rows(rescan).getFirst().get("resultInXML").asString();
        assertThat(after.contains("HASH_MATCH")).isEqualTo(stillHolding.contains(done.getFirst().get("computerId").asString()));
    }

    @Test
    void cancelStopsPendingEndpointsButOfflineOnesStayInitial() {
        String ids = String.join(",", allComputers().stream().map(c -> c.get("uniqueId").asString()).toList());
        String id = client.post("/sepm/api/v1/command-queue/eoc?computer_ids=" + ids, scanXml("00".repeat(32), false))
                .json().get("commandID_computer").asString();
        sim.advance(Duration.ofSeconds(3));

        var cancel = client.post("/sepm/api/v1/command-queue/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("commandID").asString()).matches("[0-9A-F]{32}").isNotEqualTo(id);
        sim.advance(Duration.ofMinutes(5));

        assertThat(rows(id)).extracting(r -> r.get("stateId").asInt()).containsOnly(0, 5).contains(0, 5);
        assertThat(client.get("/sepm/api/v1/command-queue/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF").status()).isEqualTo(410);
    }

    @Test
    void groupTargetsGetTheirOwnCommand() {
        String finance = client.get("/sepm/api/v1/groups?fullPathName=My%20Company%5CWorkstations%5CFinance").json()
                .get("content").get(0).get("id").asString();
        String one = allComputers().getFirst().get("uniqueId").asString();
        JsonNode ids = client.post("/sepm/api/v1/command-queue/eoc?group_ids=" + finance + "&computer_ids=" + one,
                scanXml("00".repeat(32), false)).json();
        assertThat(ids.get("commandID_computer").asString()).isNotEqualTo(ids.get("commandID_group").asString());
        sim.advance(Duration.ofSeconds(2));
        JsonNode page = client.get("/sepm/api/v1/command-queue/" + ids.get("commandID_group").asString()).json();
        assertThat(page.get("totalElements").asLong()).isPositive();
    }

    @Test
    void badEocBodiesAre400() {
        String one = allComputers().getFirst().get("uniqueId").asString();
        var xxe = client.post("/sepm/api/v1/command-queue/eoc?computer_ids=" + one,
                "<!DOCTYPE EOC [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EOC><ScanType>&x;</ScanType></EOC>");
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.json().get("errorCode").asString()).isEqualTo("400");
        assertThat(client.post("/sepm/api/v1/command-queue/eoc", scanXml("", false)).status()).isEqualTo(400);
    }
}
