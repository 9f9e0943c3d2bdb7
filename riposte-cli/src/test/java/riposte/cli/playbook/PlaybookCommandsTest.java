package riposte.cli.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.cli.CliRun;
import riposte.cli.ExitCodes;
import riposte.server.RiposteServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code riposte playbook list|run|status} against the real server in-process, with two user playbooks. */
class PlaybookCommandsTest {
    static final String TOKEN = "rip_cli-playbook-token-0123456789abcdefghij";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext server;
    static Path config;

    @BeforeAll
    static void startServer() throws Exception {
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("cli-attribute.yml"), """
                id: cli-attribute
                version: 1
                name: CLI test - attribute
                on:
                  object: indicator
                inputs:
                  - name: reputation
                    type: select
                    options: [GOOD, BAD]
                    default: GOOD
                steps:
                  - id: write
                    writeAttributes:
                      Symantec ThreatIntel Reputation: inputs.reputation
                    source: cli test
                """);
        Files.writeString(playbooks.resolve("cli-approval.yml"), """
                id: cli-approval
                version: 1
                name: CLI test - approval
                on:
                  object: indicator
                steps:
                  - id: approve
                    approval: "'ok?'"
                """);
        server = RiposteServer.start("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:cli-playbook-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--riposte.server.blob-dir=" + dir.resolve("blobs"), "--riposte.secrets.data-dir=" + dir,
                "--riposte.security.admin-api-token=" + TOKEN, "--riposte.playbooks.dir=" + playbooks,
                "--riposte.playbooks.auto-enrichment.enabled=false", "--logging.level.riposte=WARN");
        String url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        config = dir.resolve("riposte.yml");
        Files.writeString(config, "server:\n  url: " + url + "\n  api-token: " + TOKEN + "\n");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void listShowsThePlaybooksAndWhichApplyToAnObject() {
        CliRun all = cli("playbook", "list");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("cli-attribute", "ses-file-insight", "Symantec Threat Intelligence API - File Insight");
        long indicator = indicator("list-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        CliRun forObject = cli("playbook", "list", "--on", "indicator:" + indicator);
        assertThat(forObject.exitCode()).as(forObject.err()).isZero();
        assertThat(forObject.out().lines().filter(l -> l.startsWith("cli-attribute")).findFirst().orElseThrow())
                .contains("yes");
        assertThat(forObject.out().lines().filter(l -> l.startsWith("ses-file-insight")).findFirst().orElseThrow())
                .contains("no");
    }

    @Test
    void runFollowsARunToItsEndAndStatusShowsItsSteps() {
        long indicator = indicator("run-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        CliRun run = cli("playbook", "run", "cli-attribute", "--on", "indicator:" + indicator, "-i", "reputation=BAD",
                "--follow", "--interval", "PT0.05S", "--json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        JsonNode done = JSON.readTree(run.out());
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        CliRun status = cli("playbook", "status", done.get("id").asString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("state:      COMPLETED", "write", "cli-attribute");
        CliRun attributes = cli("indicator", "show", String.valueOf(indicator));
        assertThat(attributes.out()).contains("Symantec ThreatIntel Reputation").contains("BAD");
    }

    @Test
    void followStopsWithExitFiveWhenTheRunWaitsForAnApproval() {
        long indicator = indicator("wait-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        CliRun run = cli("playbook", "run", "cli-approval", "--on", "indicator:" + indicator, "--follow",
                "--interval", "PT0.05S");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.WAITING);
        assertThat(run.out()).contains("approval:approve");
    }

    @Test
    void approveShowsWhatItDecidesAsksForConfirmationAndLetsTheRunGoOnOrStopsIt() {
        long indicator = indicator("approve-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        CliRun waiting = cli("playbook", "run", "cli-approval", "--on", "indicator:" + indicator, "--follow",
                "--interval", "PT0.05S", "--json");
        assertThat(waiting.exitCode()).as(waiting.out() + waiting.err()).isEqualTo(ExitCodes.WAITING);
        String runId = JSON.readTree(waiting.out()).get("id").asString();
        CliRun status = cli("playbook", "status", runId);
        assertThat(status.out()).contains("approval:   ok?", "riposte playbook approve " + runId);

        CliRun unconfirmed = cli("playbook", "approve", runId); // no terminal in the test, no --yes
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("About to approve step 'approve' of run " + runId
                + " (cli-approval): ok?").contains("--yes");
        CliRun dryRun = cli("playbook", "approve", runId, "--dry-run");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("Dry run: would approve step 'approve'");
        assertThat(cli("playbook", "status", runId).out()).contains("state:      WAITING");

        CliRun approved = cli("playbook", "approve", runId, "--yes", "--comment", "looked at it", "--follow",
                "--interval", "PT0.05S", "--json");
        assertThat(approved.exitCode()).as(approved.out() + approved.err()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(approved.out()).get("state").asString()).isEqualTo("COMPLETED");
        CliRun again = cli("playbook", "approve", runId, "--yes");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("does not wait for an approval (it is COMPLETED)");

        CliRun second = cli("playbook", "run", "cli-approval", "--on", "indicator:" + indicator, "--follow",
                "--interval", "PT0.05S", "--json");
        String secondId = JSON.readTree(second.out()).get("id").asString();
        CliRun rejected = cli("playbook", "approve", secondId, "--reject", "--yes", "--comment", "not this one");
        assertThat(rejected.exitCode()).as(rejected.out() + rejected.err()).isZero();
        CliRun failed = cli("playbook", "status", secondId, "--follow", "--interval", "PT0.05S");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.UPSTREAM);
        assertThat(failed.out()).contains("FAILED", "not this one");
    }

    @Test
    void badArgumentsAndRefusedRequestsExitNonZeroWithAMessage() {
        CliRun badObject = cli("playbook", "run", "cli-attribute", "--on", "thing:1");
        assertThat(badObject.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badObject.err()).contains("indicator:ID");
        long indicator = indicator("bad-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com");
        CliRun badInput = cli("playbook", "run", "cli-attribute", "--on", "indicator:" + indicator, "-i",
                "reputation=MEH");
        assertThat(badInput.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badInput.err()).contains("inputs.reputation");
        CliRun unknown = cli("playbook", "status", "no-such-run");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("no-such-run");
    }

    private static long indicator(String value) {
        CliRun add = cli("indicator", "add", value, "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        JsonNode json = JSON.readTree(add.out());
        return (json.isArray() ? json.get(0) : json).get("id").asLong();
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
