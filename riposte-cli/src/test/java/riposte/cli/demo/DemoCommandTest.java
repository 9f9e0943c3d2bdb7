package riposte.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riposte.cli.CliException;
import riposte.cli.server.ApiClient;
import tools.jackson.databind.JsonNode;

/** One demo (simulators, server on a free port, H2 in a temp directory) for the whole class. */
class DemoCommandTest {
    @TempDir
    static Path dir;

    static DemoInstance demo;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoInstance.start(dir.resolve("demo"), false, 0, "--logging.level.root=WARN");
        api = ApiClient.connect(demo.url(), demo.login.apiToken());
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
        if (demo != null) demo.close();
    }

    @Test
    void listensOnTheChosenLoopbackPortAndPrintsTheLoginAndAddress() {
        assertThat(demo.port()).isPositive();
        assertThat(demo.url()).isEqualTo("http://127.0.0.1:" + demo.port());
        StringWriter out = new StringWriter();
        DemoBanner.print(new PrintWriter(out), demo);
        assertThat(out.toString()).contains(demo.url(), "admin / " + demo.login.password(),
                "RIPOSTE_SERVER_URL=" + demo.url() + " RIPOSTE_API_TOKEN=" + demo.login.apiToken(), "demo only",
                "riposte incident list", "Authorization: Bearer " + demo.login.apiToken(), "/api/v1/incidents",
                "Ctrl+C");
        assertThat(demo.login.password()).hasSizeGreaterThanOrEqualTo(12);
        // the full log goes to a file under the data directory, named in the banner
        java.nio.file.Path log = DemoInstance.logFile(demo.dataDir);
        assertThat(out.toString()).contains("Log:        " + log);
        assertThat(log).isRegularFile(); // (this test quietens the log to WARN, so it may be empty)
    }

    @Test
    void theServersSepmFunctionsReachTheDemosSepmSimulator() {
        var ports = demo.server.getBean(riposte.core.playbook.PlaybookPorts.class);
        Map<String, Object> domains = ports.functions().invoke("sepm.domains", Map.of());
        assertThat(domains).containsEntry("connection", "demo-sepm");
        assertThat((Integer) domains.get("count")).isPositive();
        String hash = DemoStoryBuilder.mostWidespread(demo.simulators);
        String computer = demo.simulators.sepm.computersHolding(hash).getFirst();
        Map<String, Object> endpoint = ports.functions().invoke("sepm.computers", Map.of("computerIds", computer));
        assertThat(endpoint).containsEntry("count", 1);
    }

    @Test
    void seedsIncidentsWithArtifactsAndNotesMatchingTheSimulators() {
        List<JsonNode> incidents = incidents();
        assertThat(incidents).extracting(i -> i.path("name").asString())
                .containsExactlyInAnyOrderElementsOf(demo.story.incidents().stream().map(DemoStory.Incident::name).toList())
                .anyMatch(n -> n.startsWith("Backdoor on finance workstations"))
                .contains("Phishing URL reported by a user", "Waterbug bulletin: hunt for its indicators");
        String hash = DemoStoryBuilder.mostWidespread(demo.simulators);
        assertThat(demo.simulators.sepm.computersHolding(hash)).isNotEmpty();

        JsonNode backdoor = incidents.stream().filter(i -> i.path("name").asString().startsWith("Backdoor")).findFirst()
                .orElseThrow();
        JsonNode artifacts = api.get("incidents/" + backdoor.path("id").asLong() + "/artifacts", Map.of("size", 200)).path("items");
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        artifacts.forEach(a -> {
            types.add(a.path("type").asString());
            values.add(a.path("value").asString());
        });
        assertThat(values).contains(hash);
        assertThat(types).contains("sha256", "hostname", "domain", "ipv4");
        assertThat(api.get("incidents/" + backdoor.path("id").asLong() + "/notes").path("items").size()).isPositive();

        // the SEP tabs of the console: an EOC match and an endpoint row per host artifact
        long hostCount = types.stream().filter("hostname"::equals).count();
        String tables = "incidents/" + backdoor.path("id").asLong() + "/data-tables/";
        JsonNode endpoints = api.get(tables + "sep_endpoint_details/rows", Map.of("size", 200));
        assertThat(endpoints.path("totalItems").asLong()).isEqualTo(hostCount);
        assertThat(endpoints.path("items").get(0).path("cells").path("endpoint_quarantine_status").asString())
                .isEqualTo("Un-Quarantined");
        assertThat(api.get(tables + "sep_eoc_scan_results/rows", Map.of("filter", "hash_value:eq:" + hash))
                .path("totalItems").asLong()).isEqualTo(hostCount);
    }

    @Test
    void seedsTaggedIndicatorsIncludingTheCuratedRecords() {
        JsonNode items = api.get("indicators", Map.of("size", 200)).path("items");
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.path("value").asString()));
        assertThat(values).contains(DemoStoryBuilder.WATERBUG_SHA256, DemoStoryBuilder.WATERBUG_DOMAIN,
                DemoStoryBuilder.BENIGN_IP, DemoStoryBuilder.CVE, DemoStoryBuilder.mostWidespread(demo.simulators));
        JsonNode google = api.get("indicators", Map.of("tag", "allow-list")).path("items");
        assertThat(google.size()).isEqualTo(1);
        assertThat(google.get(0).path("verdict").asString()).isEqualTo("BENIGN");
        assertThat(api.get("indicators", Map.of("tag", "demo")).path("totalItems").asInt()).isEqualTo(demo.story.indicators().size());
    }

    @Test
    void seedsTheAllowListFirstSoThatTheServerFlagsThePhishingMailsRelayAndResolver() {
        assertThat(demo.seeded.allowListEntriesCreated()).isEqualTo(2);
        JsonNode entries = api.get("allowlist", Map.of("size", 200)).path("items");
        Map<String, String> reasons = new HashMap<>();
        entries.forEach(e -> reasons.put(e.path("value").asString(), e.path("reason").asString()));
        assertThat(reasons).containsOnlyKeys("private", DemoStoryBuilder.BENIGN_IP);

        JsonNode phishing = incidents().stream().filter(i -> i.path("name").asString().startsWith("Phishing"))
                .findFirst().orElseThrow();
        Map<String, JsonNode> artifacts = artifactsByValue(phishing);
        assertThat(artifacts).containsKeys(DemoStoryBuilder.MAIL_RELAY_IP, DemoStoryBuilder.BENIGN_IP);
        // set by the server at creation from the entries (the seeder does not say allowListed), with their reasons
        JsonNode relay = artifacts.get(DemoStoryBuilder.MAIL_RELAY_IP);
        assertThat(relay.path("allowListed").asBoolean()).isTrue();
        assertThat(relay.path("allowListReason").asString())
                .isEqualTo(reasons.get("private") + " (allow-list entry private)");
        JsonNode resolver = artifacts.get(DemoStoryBuilder.BENIGN_IP);
        assertThat(resolver.path("allowListed").asBoolean()).isTrue();
        assertThat(resolver.path("allowListReason").asString())
                .isEqualTo(reasons.get(DemoStoryBuilder.BENIGN_IP) + " (allow-list entry 8.8.8.8)");
        assertThat(artifacts.values()).filteredOn(a -> a.path("type").asString().equals("url")).singleElement()
                .satisfies(url -> assertThat(url.path("allowListed").asBoolean()).isFalse());

        // nothing of the attack is allow-listed: the backdoor's hash, hosts and the family's domain and IP
        JsonNode backdoor = incidents().stream().filter(i -> i.path("name").asString().startsWith("Backdoor"))
                .findFirst().orElseThrow();
        assertThat(artifactsByValue(backdoor).values()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("allowListed").asBoolean()).as("%s", a).isFalse());
    }

    @Test
    void neverSeedsTheAllowListAgainOnceTheDemoHasIncidents() throws Exception {
        JsonNode entries = api.get("allowlist", Map.of("size", 200)).path("items");
        List<Map<String, Object>> saved = new ArrayList<>();
        for (JsonNode e : entries) {
            saved.add(Map.of("value", e.path("value").asString(), "reason", e.path("reason").asString()));
            HttpResponse<Void> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(demo.url() + "/api/v1/allowlist/" + e.path("id").asLong()))
                    .header("Authorization", "Bearer " + demo.login.apiToken()).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        try {
            // the user emptied the allow-list: a later start respects that
            assertThat(new DemoSeeder(api).seed(demo.story).allowListEntriesCreated()).isZero();
            assertThat(api.get("allowlist").path("totalItems").asLong()).isZero();
        } finally {
            api.post("allowlist", Map.of("entries", saved));
        }
    }

    @Test
    void theServerEnrichesFromTheInProcessSesSimulator() throws Exception {
        JsonNode job = api.post("enrichment/bulk", Map.of("indicators", List.of(DemoStoryBuilder.WATERBUG_SHA256),
                "playbooks", List.of("ses-file-insight")));
        for (int i = 0; i < 300 && !job.path("state").asString().equals("completed"); i++) {
            Thread.sleep(100);
            job = api.get("enrichment/bulk/" + job.path("id").asString());
        }
        assertThat(job.path("completed").asInt()).as("%s", job).isEqualTo(1);
        long id = job.path("items").get(0).path("indicatorId").asLong();
        List<String> names = new ArrayList<>();
        api.get("indicators/" + id + "/attributes").forEach(a -> names.add(a.path("name").asString()));
        assertThat(names).contains("Symantec ThreatIntel Reputation");
    }

    @Test
    void seedingAgainDuplicatesNothing() {
        int incidentsBefore = incidents().size();
        int indicatorsBefore = api.get("indicators", Map.of("size", 1)).path("totalItems").asInt();
        long allowListBefore = api.get("allowlist").path("totalItems").asLong();
        DemoSeeder.Result again = new DemoSeeder(api).seed(demo.story);
        assertThat(again.incidentsCreated()).isZero();
        assertThat(again.allowListEntriesCreated()).isZero();
        assertThat(api.get("allowlist").path("totalItems").asLong()).isEqualTo(allowListBefore).isPositive();
        assertThat(again.incidentsExisting()).isEqualTo(demo.story.incidents().size());
        assertThat(incidents()).hasSize(incidentsBefore);
        assertThat(api.get("indicators", Map.of("size", 1)).path("totalItems").asInt()).isEqualTo(indicatorsBefore);
    }

    @Test
    void keepsTheLoginAndTheSimulatorCertificateInTheDataDirectory() throws Exception {
        assertThat(DemoLogin.loadOrCreate(demo.dataDir)).isEqualTo(demo.login);
        assertThat(Files.readString(demo.dataDir.resolve(DemoSimulators.SEPM_PEM))).contains("BEGIN CERTIFICATE");
    }

    @Test
    void resetRefusesADirectoryThatIsNotADemo() throws Exception {
        Path other = dir.resolve("precious");
        Files.createDirectories(other);
        Files.writeString(other.resolve("thesis.tex"), "do not delete");
        assertThatThrownBy(() -> DemoDirectory.prepare(other, true)).isInstanceOf(CliException.class)
                .hasMessageContaining("refuses");
        assertThat(other.resolve("thesis.tex")).exists();

        Path old = dir.resolve("old-demo");
        DemoDirectory.prepare(old, false);
        DemoLogin first = DemoLogin.loadOrCreate(old);
        DemoDirectory.prepare(old, true);
        assertThat(old).isEmptyDirectory();
        assertThat(DemoLogin.loadOrCreate(old).password()).isNotEqualTo(first.password());
    }

    private static Map<String, JsonNode> artifactsByValue(JsonNode incident) {
        Map<String, JsonNode> byValue = new LinkedHashMap<>();
        api.get("incidents/" + incident.path("id").asLong() + "/artifacts", Map.of("size", 200)).path("items")
                .forEach(a -> byValue.put(a.path("value").asString(), a));
        return byValue;
    }

    private static List<JsonNode> incidents() {
        List<JsonNode> all = new ArrayList<>();
        api.get("incidents", Map.of("size", 200)).path("items").forEach(all::add);
        return all;
    }
}
