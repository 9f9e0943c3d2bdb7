package riposte.server.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.FunctionInvoker;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.StepError;
import riposte.server.ApiTestBase;
import riposte.simulator.fault.Fault;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.SepmClient;

/**
 * The {@code sepm.*} functions of the server's {@link PlaybookPorts} against the SEPM simulator over real HTTPS
 * (its certificate trusted through {@code riposte.sepm.ca-cert}): the guide's story end to end, bad input refused
 * before anything is sent, SEPM's failures classified, commands sent once per run step, and stored SEPM credentials
 * as further connections with their connection test.
 */
abstract class SepmFunctionsContract extends ApiTestBase {
    static final SepmSimulator SIM = SepmTestSimulator.start();
    static final Path PEM = SepmTestSimulator.pem(SIM);
    static final String PLANTED_SHA256 = SepmTestSimulator.PLANTED_SHA256;

    @DynamicPropertySource
    static void sepm(DynamicPropertyRegistry registry) {
        // Its own database: stored SEPM credentials of other test classes would be further connections.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:riposte-sepm;DB_CLOSE_DELAY=-1");
        registry.add("riposte.sepm.url", () -> SIM.baseUrl().toString());
        registry.add("riposte.sepm.username", SIM::username);
        registry.add("riposte.sepm.password", SIM::password);
        registry.add("riposte.sepm.ca-cert", PEM::toString);
        registry.add("riposte.sepm.max-attempts", () -> "2");
    }

    @Autowired
    PlaybookPorts ports;

    private Map<String, Object> call(String function, Map<String, ?> inputs) {
        return ports.functions().invoke(function, new HashMap<>(inputs));
    }

    private Map<String, Object> call(String function, Map<String, ?> inputs, FunctionInvoker.Call site) {
        return ports.functions().invoke(function, new HashMap<>(inputs), site);
    }

    private static FunctionInvoker.Call step(String id) {
        return new FunctionInvoker.Call("test-" + UUID.randomUUID(), id);
    }

    private Map<String, Object> awaitStatus(String commandId, Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Map<String, Object> status = call("sepm.commandStatus", Map.of("commandId", commandId));
            if (done.test(status)) return status;
            assertThat(System.nanoTime()).as("command %s never got there: %s", commandId, status).isLessThan(deadline);
            sleep(200);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static FunctionException permanent(Throwable t) {
        assertThat(t).isInstanceOf(FunctionException.class);
        FunctionException e = (FunctionException) t;
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(StepError.Kind.PERMANENT);
        return e;
    }

    private Computer firstWith(Predicate<Computer> p) {
        try (SepmClient sepm = SepmTestSimulator.client(SIM, PEM); var all = sepm.computers(ComputerQuery.all())) {
            return all.filter(p).findFirst().orElseThrow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void scanFindsThePlantedFileThenUploadAndDownloadGiveItsBytes() {
        List<String> holding = SIM.computersHolding(PLANTED_SHA256);
        assertThat(holding).as("the planted file is on some endpoints").isNotEmpty();
        List<String> targets = holding.subList(0, Math.min(3, holding.size()));
        var site = step("scan");
        int before = SIM.stats().commands();
        Map<String, Object> scan = call("sepm.eocScan", Map.of("scanType", "QUICK_SCAN", "hash", PLANTED_SHA256,
                "computerIds", String.join(",", targets)), site);
        assertThat(scan).containsEntry("state", "In progress").containsEntry("reused", false)
                .containsEntry("connection", "sepm").containsEntry("targets", targets.size());
        String commandId = (String) scan.get("commandId");
        assertThat(commandId).matches("[0-9A-F]{32}");
        assertThat(call("sepm.eocScan", Map.of("scanType", "QUICK_SCAN", "hash", PLANTED_SHA256, "computerIds",
                String.join(",", targets)), site)).as("a second attempt of the step answers the first command")
                .containsEntry("commandId", commandId).containsEntry("reused", true);
        assertThat(SIM.stats().commands()).as("one command sent").isEqualTo(before + 1);

        Map<String, Object> status = awaitStatus(commandId, s -> Boolean.TRUE.equals(s.get("complete")));
        assertThat(status).containsEntry("state", "Completed").containsEntry("overall", "COMPLETED")
                .containsEntry("endpointCount", targets.size());
        List<Map<String, Object>> matches = (List<Map<String, Object>>) status.get("matches");
        assertThat(matches).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("hash")).isEqualTo(PLANTED_SHA256);
            assertThat(targets).contains((String) m.get("computerId"));
            assertThat(m).containsEntry("fullMatch", true).containsEntry("match", "Full match")
                    .containsKeys("computerName", "filePath", "hashType", "matchType", "remediation");
        });
        assertThat((String) status.get("csv")).startsWith("computerId,computerName,").contains(PLANTED_SHA256);

        Map<String, Object> match = matches.getFirst();
        Map<String, Object> upload = call("sepm.uploadFile", Map.of("computerIds", List.of(match.get("computerId")),
                "filePath", match.get("filePath"), "sha256", PLANTED_SHA256), step("upload"));
        Map<String, Object> uploaded = awaitStatus((String) upload.get("commandId"), s -> s.get("fileId") != null);
        Map<String, Object> file = call("sepm.fileContent", Map.of("fileId", uploaded.get("fileId"),
                "expectedHash", PLANTED_SHA256, "name", match.get("filePath")));
        assertThat(Base64.getDecoder().decode((String) file.get("base64"))).isEqualTo(SepmTestSimulator.PLANTED);
        assertThat(file).containsEntry("sha256", PLANTED_SHA256).containsEntry("size", SepmTestSimulator.PLANTED.length);
        String path = (String) match.get("filePath");
        assertThat(file.get("name")).isEqualTo(path.substring(path.lastIndexOf('\\') + 1));

        assertThatThrownBy(() -> call("sepm.fileContent", Map.of("fileId", uploaded.get("fileId"), "expectedHash",
                "0".repeat(64)))).satisfies(t -> assertThat(permanent(t).getMessage()).containsIgnoringCase("hash"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        Computer windows = firstWith(c -> "WINDOWS".equals(SepmOutputs.osFamily(c)));
        Computer mac = firstWith(c -> "MACOS".equals(SepmOutputs.osFamily(c)));
        int before = SIM.stats().commands();
        assertThatThrownBy(() -> call("sepm.eocScan", Map.of("scanType", "QUICK_SCAN", "sha256", "not-a-hash",
                "computerIds", windows.uniqueId()))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("sha256").contains("SHA-256"));
        assertThatThrownBy(() -> call("sepm.eocScan", Map.of("scanType", "QUICK_SCAN", "hash", "evil.example.com",
                "computerIds", windows.uniqueId()))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("MD5, SHA-1 or SHA-256").contains("domain"));
        assertThatThrownBy(() -> call("sepm.eocScan", Map.of("scanType", "SLOW_SCAN", "md5", "0".repeat(32),
                "computerIds", windows.uniqueId()))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("QUICK_SCAN, FULL_SCAN"));
        assertThatThrownBy(() -> call("sepm.remediate", Map.of("filePath", "C:\\x.exe", "computerIds",
                windows.uniqueId()))).satisfies(t -> assertThat(permanent(t).getMessage()).contains("by hash"));
        assertThatThrownBy(() -> call("sepm.quarantineEndpoints", Map.of("computerIds", mac.uniqueId())))
                .satisfies(t -> assertThat(permanent(t).getMessage()).contains(mac.computerName())
                        .contains("Windows endpoints only"));
        assertThatThrownBy(() -> call("sepm.eocScan", Map.of("scanType", "QUICK_SCAN", "md5", "0".repeat(32),
                "computerIds", List.of(windows.uniqueId(), mac.uniqueId()))))
                .satisfies(t -> assertThat(permanent(t).getMessage()).contains("Windows endpoints only"));
        assertThatThrownBy(() -> call("sepm.moveEndpoint", Map.of("hardwareKeys", windows.hardwareKey(),
                "groupPath", "My Company\\No Such Group"))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("found no group"));
        assertThatThrownBy(() -> call("sepm.addFingerprintList", Map.of("fingerprintListName", "bad",
                "hashes", List.of("1".repeat(40))))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("MD5 and SHA-256"));
        assertThat(SIM.stats().commands()).as("nothing was sent").isEqualTo(before);
        assertThat(SIM.stats().fingerprintLists()).isZero();
    }

    @Test
    void sepmFailuresAfterTheClientsRetriesAreTransientWithSepmsMessage() {
        SIM.enqueue(Fault.status(503).times(2).onPath("/sepm/api/v1/domains"));
        assertThatThrownBy(() -> call("sepm.domains", Map.of())).isInstanceOfSatisfying(FunctionException.class, e -> {
            assertThat(e.kind()).isEqualTo(StepError.Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("sepm.domains failed").contains("503");
        });
        assertThat(call("sepm.domains", Map.of())).containsEntry("count", 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointDetailsStatusSummaryAndNonCompliantDetails() {
        Computer windows = firstWith(c -> "WINDOWS".equals(SepmOutputs.osFamily(c)));
        Map<String, Object> byName = call("sepm.computers", Map.of("computerName", windows.computerName()));
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) byName.get("endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("computerId", windows.uniqueId()).containsEntry("hardwareKey", windows.hardwareKey())
                .containsEntry("osFamily", "WINDOWS").containsEntry("quarantineStatus", "Un-Quarantined")
                .containsKeys("groupName", "groupId", "domainName", "ipAddresses", "operatingSystem", "online",
                        "definitionsDate", "lastUpdate", "compliant", "reasons"));
        String ip = windows.ipAddresses().getFirst();
        assertThat((List<Map<String, Object>>) call("sepm.computers", Map.of("ipAddress", ip)).get("endpoints"))
                .extracting(e -> e.get("computerId")).contains(windows.uniqueId());
        assertThat(call("sepm.computers", Map.of("computerName", windows.computerName(), "lastUpdate",
                1_500_000_000_000L))).as("lastUpdate takes epoch milliseconds").containsEntry("count", 1);
        assertThat(call("sepm.computers", Map.of("computerName", "no-such-host-*"))).containsEntry("found", false)
                .containsEntry("count", 0);

        Map<String, Object> summary = (Map<String, Object>) call("sepm.computers", Map.of("mode", "statusSummary"))
                .get("summary");
        assertThat(summary).containsEntry("totalEndpoints", 120L).containsKeys("queryTime", "compliant",
                "nonCompliant", "online", "offline", "definitionsOutOfDate");
        assertThat((long) summary.get("compliant") + (long) summary.get("nonCompliant")).isEqualTo(120L);
        Map<String, Object> bad = call("sepm.computers", Map.of("mode", "nonCompliant", "limit", 5));
        assertThat(bad.get("total")).isEqualTo(summary.get("nonCompliant"));
        assertThat((List<Map<String, Object>>) bad.get("endpoints")).hasSizeLessThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(e).containsEntry("compliant", false)
                        .hasEntrySatisfying("reasons", r -> assertThat((String) r).isNotBlank()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void moveAndQuarantineAnEndpointThenUndo() {
        Computer windows = firstWith(c -> "WINDOWS".equals(SepmOutputs.osFamily(c)) && !SepmOutputs.quarantined(c));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) call("sepm.groups", Map.of()).get("groups");
        Map<String, Object> target = groups.stream().filter(g -> !g.get("groupId").equals(windows.group().id()))
                .filter(g -> !"My Company".equals(g.get("fullPath"))).findFirst().orElseThrow();
        Map<String, Object> moved = call("sepm.moveEndpoint", Map.of("hardwareKeys", windows.hardwareKey(),
                "groupPath", target.get("fullPath")));
        assertThat(moved).containsEntry("moved", true).containsEntry("groupId", target.get("groupId"))
                .containsEntry("groupName", target.get("fullPath"));
        Map<String, Object> after = ((List<Map<String, Object>>) call("sepm.computers",
                Map.of("computerIds", windows.uniqueId())).get("endpoints")).getFirst();
        assertThat(after).containsEntry("groupId", target.get("groupId"));

        Map<String, Object> q = call("sepm.quarantineEndpoints", Map.of("computerIds", windows.uniqueId()),
                step("quarantine"));
        awaitStatus((String) q.get("commandId"), s -> Boolean.TRUE.equals(s.get("complete")));
        Map<String, Object> quarantined = ((List<Map<String, Object>>) call("sepm.computers",
                Map.of("computerIds", windows.uniqueId())).get("endpoints")).getFirst();
        assertThat(quarantined).containsEntry("quarantineStatus", "Quarantined");
        Map<String, Object> undo = call("sepm.quarantineEndpoints", Map.of("computerIds", windows.uniqueId(),
                "undo", true), step("undo"));
        assertThat(undo).containsEntry("undo", true);
        awaitStatus((String) undo.get("commandId"), s -> Boolean.TRUE.equals(s.get("complete")));
        assertThat(((List<Map<String, Object>>) call("sepm.computers", Map.of("computerIds", windows.uniqueId()))
                .get("endpoints")).getFirst()).containsEntry("quarantineStatus", "Un-Quarantined");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fingerprintListsTakeMd5AndSha256AndAreAssignedAndDeleted() {
        String name = "Blacklist-" + UUID.randomUUID().toString().substring(0, 8);
        String md5 = "0b9e4cb2af3dd1686accf0c469ce7b60";
        Map<String, Object> added = call("sepm.addFingerprintList", Map.of("fingerprintListName", name,
                "hashes", List.of(md5, PLANTED_SHA256), "description", "test"));
        assertThat(added).containsEntry("created", true).containsEntry("found", true).containsEntry("hashCount", 2)
                .containsEntry("hashType", "MD5,SHA256");
        String id = (String) added.get("fingerprintListId");
        assertThat(call("sepm.fingerprintList", Map.of("fingerprintListName", name)))
                .containsEntry("fingerprintListId", id).containsEntry("hashes", List.of(md5, PLANTED_SHA256));
        assertThat(call("sepm.fingerprintList", Map.of("fingerprintListName", "no-" + name)))
                .containsEntry("found", false);

        String other = "5d41402abc4b2a76b9719d911017c592";
        Map<String, Object> updated = call("sepm.updateFingerprintList", Map.of("fingerprintListId", id,
                "addHashes", other, "removeHashes", md5));
        assertThat(updated).containsEntry("added", List.of(other)).containsEntry("removed", List.of(md5))
                .containsEntry("hashCount", 2).containsEntry("deleted", false);

        List<Map<String, Object>> groups = (List<Map<String, Object>>) call("sepm.groups", Map.of()).get("groups");
        Map<String, Object> lockdown = groups.stream().filter(g -> Boolean.FALSE.equals(g.get("policyInheritance")))
                .findFirst().orElseThrow();
        Map<String, Object> inheriting = groups.stream().filter(g -> Boolean.TRUE.equals(g.get("policyInheritance")))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> call("sepm.assignFingerprintList", Map.of("groupId", inheriting.get("groupId"),
                "fingerprintListId", id))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("policy inheritance"));
        assertThat(call("sepm.assignFingerprintList", Map.of("groupId", lockdown.get("groupId"),
                "fingerprintListId", id))).containsEntry("assigned", true);
        assertThat(call("sepm.fingerprintList", Map.of("fingerprintListId", id)).get("groupIds"))
                .isEqualTo(List.of(lockdown.get("groupId")));

        assertThatThrownBy(() -> call("sepm.updateFingerprintList", Map.of("fingerprintListId", id,
                "removeHashes", List.of(other, PLANTED_SHA256)))).satisfies(t -> assertThat(permanent(t).getMessage())
                .contains("empty").contains("deleteWhenEmpty"));
        assertThat(call("sepm.updateFingerprintList", Map.of("fingerprintListName", name, "removeHashes",
                List.of(other, PLANTED_SHA256), "deleteWhenEmpty", true))).containsEntry("deleted", true);
        assertThat(call("sepm.fingerprintList", Map.of("fingerprintListId", id))).containsEntry("found", false);
        assertThat(call("sepm.deleteFingerprintList", Map.of("fingerprintListId", id))).containsEntry("deleted", false);
    }

    @Test
    void storedSepmCredentialsAreFurtherConnectionsWithAConnectionTest() {
        var good = post("/api/v1/credentials", Map.of("name", "sepm-stored", "kind", "SEPM", "url",
                SIM.baseUrl().toString(), "username", SIM.username(), "secret", SIM.password(),
                "caCertificate", SIM.certificatePem()));
        assertThat(good.status()).as("%s", good.body()).isEqualTo(201);
        var wrong = post("/api/v1/credentials", Map.of("name", "sepm-wrong", "kind", "SEPM", "url",
                SIM.baseUrl().toString(), "username", SIM.username(), "secret", "not-the-password",
                "caCertificate", SIM.certificatePem()));
        var untrusted = post("/api/v1/credentials", Map.of("name", "sepm-untrusted", "kind", "SEPM", "url",
                SIM.baseUrl().toString(), "username", SIM.username(), "secret", SIM.password()));
        try {
            assertThat(good.get("caCertificate").asString()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(good.body().has("secret")).isFalse();
            var ok = post("/api/v1/credentials/" + good.get("id").asLong() + "/test", null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.get("ok").asBoolean()).as("%s", ok.body()).isTrue();
            assertThat(ok.get("version").asString()).startsWith("14.");
            var refused = post("/api/v1/credentials/" + wrong.get("id").asLong() + "/test", null).body();
            assertThat(refused.get("ok").asBoolean()).isFalse();
            assertThat(refused.get("error").asString()).isNotBlank().doesNotContain("not-the-password");
            var tls = post("/api/v1/credentials/" + untrusted.get("id").asLong() + "/test", null).body();
            assertThat(tls.get("ok").asBoolean()).as("TLS is verified by default").isFalse();

            assertThatThrownBy(() -> call("sepm.domains", Map.of())).satisfies(t -> assertThat(permanent(t)
                    .getMessage()).contains("several SEPM connections").contains("sepm-stored").contains("sepm"));
            assertThat(call("sepm.domains", Map.of("connection", "sepm-stored")))
                    .containsEntry("connection", "sepm-stored").containsEntry("count", 2);
            assertThatThrownBy(() -> call("sepm.domains", Map.of("connection", "nope"))).satisfies(t ->
                    assertThat(permanent(t).getMessage()).contains("no SEPM connection named 'nope'"));

            var badPem = post("/api/v1/credentials", Map.of("name", "sepm-bad-pem", "kind", "SEPM", "url",
                    SIM.baseUrl().toString(), "username", "a", "secret", "b", "caCertificate", "not a certificate"));
            assertThat(badPem.status()).isEqualTo(400);
            assertThat(badPem.body().toString()).contains("caCertificate");
        } finally {
            for (var c : List.of(good, wrong, untrusted)) {
                if (c.status() == 201) delete("/api/v1/credentials/" + c.get("id").asLong());
            }
        }
        assertThat(call("sepm.domains", Map.of())).containsEntry("connection", "sepm");
    }
}
