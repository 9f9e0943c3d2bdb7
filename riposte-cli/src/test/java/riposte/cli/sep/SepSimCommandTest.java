package riposte.cli.sep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riposte.cli.CliRun;
import riposte.cli.ExitCodes;
import riposte.simulator.sepm.SepmSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code riposte sep … --sim}: the real command line against the in-process simulator over HTTPS. */
class SepSimCommandTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void versionAsTextAndAsJsonWithSepmFieldNames() {
        CliRun text = CliRun.of("sep", "version", "--sim");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("SEPM 14.").contains("API 14.");
        CliRun json = CliRun.of("sep", "version", "--sim", "--json");
        assertThat(JSON.readTree(json.out()).has("API_VERSION")).isTrue();
    }

    @Test
    void domainsAndTheGroupTree() {
        CliRun domains = CliRun.of("sep", "domains", "--sim", "--json");
        assertThat(domains.exitCode()).as(domains.err()).isZero();
        assertThat(JSON.readTree(domains.out()).findValuesAsString("name")).contains("Default", "Lab");
        CliRun tree = CliRun.of("sep", "groups", "--sim", "--tree");
        assertThat(tree.exitCode()).as(tree.err()).isZero();
        assertThat(tree.out()).contains("My Company").contains("  Workstations");
    }

    @Test
    void computersArePagedAndStreamedAsJsonLines() {
        CliRun run = CliRun.of("sep", "computers", "--sim", "--json", "--page-size", "7");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.out().lines().map(JSON::readTree).toList();
        long onePage = CliRun.of("sep", "computers", "--sim", "--json").out().lines().count();
        assertThat(lines.size()).isEqualTo(onePage).isGreaterThan(150); // the default domain's share of 200, over ~29 pages
        assertThat(lines.stream().map(n -> n.get("uniqueId").asString()).distinct().count()).isEqualTo(lines.size());
        assertThat(lines.get(0).has("computerName")).isTrue();
    }

    @Test
    void complianceShowsTheSummaryAndTheNonCompliantEndpoints() {
        CliRun run = CliRun.of("sep", "compliance", "--sim");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Endpoint status summary: 1\\d\\d endpoints, \\d+ compliant, \\d+ non-compliant").contains("OFFLINE").contains("ISSUES");
        CliRun json = CliRun.of("sep", "compliance", "--sim", "--json", "--ignore-offline", "--summary-only");
        JsonNode summary = JSON.readTree(json.out().strip()).get("summary");
        assertThat(summary.get("total").asLong()).isGreaterThan(150);
        assertThat(summary.get("OFFLINE").asLong()).isZero();
    }

    @Test
    void scanWaitsToCompletionInSimulatedTimeAndListsEveryMatch() {
        String hash;
        List<String> holders;
        try (SepmSimulator twin = SepmSimulator.builder().build()) { // same seed as --sim: the same fleet
            hash = twin.maliciousSha256s().get(0);
            holders = twin.computersHolding(hash);
        }
        List<String> online = onlineOnes(holders);
        assertThat(online).isNotEmpty();
        CliRun run = CliRun.of("sep", "scan", "--sim", "--computer-ids", String.join(",", online), "--sha256", hash.toUpperCase(),
                "--wait", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Command sent:").contains("COMPLETED");
        JsonNode result = JSON.readTree(run.out()).at("/results/0");
        assertThat(result.get("overall").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("statuses").size()).isEqualTo(online.size());
        assertThat(result.get("statuses").get(0).has("resultInXML")).isTrue();
        assertThat(result.get("matches").findValuesAsString("computerId")).containsAll(online);
        assertThat(result.get("matches").findValuesAsString("result")).containsOnly("HASH_MATCH");
    }

    @Test
    void scanWithoutWaitPrintsTheCommandIdAtOnce() {
        CliRun run = CliRun.of("sep", "scan", "--sim", "--computer-name", "WIN-*", "--path", "C:\\Windows\\evil.exe", "--full");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Command sent: [0-9A-F]{32} \\(commandID_computer\\)").contains("riposte sep command status");
    }

    @Test
    void aBadHashIsAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.of("sep", "scan", "--sim", "--all", "--sha256", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--sha256");
        assertThat(run.out()).isEmpty();
        CliRun hash = CliRun.of("sep", "remediate", "--sim", "--all", "--hash", "evil.example", "--yes");
        assertThat(hash.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(hash.err()).contains("not a hash").contains("SHA-256");
    }

    @Test
    void targetsAndCriteriaAreRequiredAndChecked() {
        assertThat(CliRun.of("sep", "scan", "--sim", "--md5", "d41d8cd98f00b204e9800998ecf8427e").err()).contains("no targets");
        assertThat(CliRun.of("sep", "scan", "--sim", "--all").err()).contains("nothing to look for");
        CliRun badId = CliRun.of("sep", "quarantine", "--sim", "--computer-ids", "WS-1", "--yes");
        assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun pathOnly = CliRun.of("sep", "remediate", "--sim", "--all", "--path", "C:\\x.exe", "--yes");
        assertThat(pathOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pathOnly.err()).contains("by hash");
    }

    @Test
    void destructiveCommandsRefuseWithoutATerminalUnlessYes() {
        CliRun run = CliRun.of("sep", "quarantine", "--sim", "--computer-name", "WIN-0*");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("About to network-quarantine").contains("pass --yes").contains("nothing was sent");
    }

    @Test
    void remediateDryRunOnlyShows() {
        CliRun run = CliRun.of("sep", "remediate", "--sim", "--all", "--md5", "d41d8cd98f00b204e9800998ecf8427e", "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run: would remediate").contains("all ").contains("groups").contains("Nothing was sent");
    }

    @Test
    void insecureDoesNotGoWithTheSimulator() {
        CliRun run = CliRun.of("sep", "version", "--sim", "--insecure");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("trusted explicitly");
    }

    @Test
    void withoutConfigurationTheExitCodeIsThreeAndTheMessageNamesTheVariables() throws Exception {
        Path config = dir.resolve("riposte.yml");
        Files.writeString(config, "sepm:\n  username: admin\n");
        CliRun run = CliRun.of("sep", "version", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("RIPOSTE_SEPM_URL").contains("RIPOSTE_SEPM_PASSWORD").contains("--sim");
    }

    @Test
    void simulateSepmRejectsBadKnobsWithWhatIsAccepted() {
        CliRun run = CliRun.of("simulate", "sepm", "--agent-delay-s", "60..5");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("A..B").contains("5..60");
        assertThat(CliRun.of("simulate", "sepm", "--rate-limit", "fast").err()).contains("calls per minute");
    }

    private static List<String> onlineOnes(List<String> ids) {
        CliRun run = CliRun.of("sep", "computers", "--sim", "--json");
        return run.out().lines().map(JSON::readTree).filter(n -> ids.contains(n.get("uniqueId").asString()))
                .filter(n -> n.get("onlineStatus").asInt() == 1).map(n -> n.get("uniqueId").asString()).toList();
    }
}
