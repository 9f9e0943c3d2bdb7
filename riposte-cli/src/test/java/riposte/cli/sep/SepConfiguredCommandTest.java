package riposte.cli.sep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riposte.cli.CliRun;
import riposte.cli.ExitCodes;
import riposte.simulator.sepm.SepmSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code riposte sep …} configured through {@code riposte.yml} ({@code sepm.url}, credentials and
 * {@code sepm.ca-cert} = the simulator's PEM) against a simulator this test starts, so it can look at the
 * simulator's state and move its clock between commands.
 */
class SepConfiguredCommandTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static SepmSimulator sim;
    static Path config;
    static String hash;
    static String holder;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        sim = SepmSimulator.builder().endpoints(60).offlineFraction(0).frozenClock(true).build().start();
        Path pem = dir.resolve("sepm.pem");
        Files.writeString(pem, sim.certificatePem());
        config = dir.resolve("riposte.yml");
        Files.writeString(config, "sepm:\n  url: " + sim.baseUrl() + "\n  username: " + sim.username() + "\n  password: "
                + sim.password() + "\n  ca-cert: " + pem + "\n");
        hash = sim.maliciousSha256s().stream().filter(h -> !sim.computersHolding(h).isEmpty()).findFirst().orElseThrow();
        holder = sim.computersHolding(hash).get(0);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static CliRun sep(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "sep";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        return CliRun.of(all);
    }

    static long calls(String template) {
        return sim.stats().http().calls(template);
    }

    /** Every PUT the simulator received (the lockdown assignments, here). */
    static long puts() {
        return sim.stats().http().calls().entrySet().stream().filter(e -> e.getKey().startsWith("PUT "))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    @Test
    void remediateDryRunSendsNothingAndYesRemediates() {
        long before = calls("POST /sepm/api/v1/command-queue/eoc");
        CliRun dry = sep("remediate", "--computer-ids", holder, "--sha256", hash, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run").contains("1 computer by id");
        assertThat(calls("POST /sepm/api/v1/command-queue/eoc")).isEqualTo(before);
        CliRun refused = sep("remediate", "--computer-ids", holder, "--sha256", hash);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(calls("POST /sepm/api/v1/command-queue/eoc")).isEqualTo(before);
        CliRun bad = sep("scan", "--computer-ids", holder, "--md5", "xyz");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(calls("POST /sepm/api/v1/command-queue/eoc")).isEqualTo(before);

        CliRun sent = sep("remediate", "--computer-ids", holder, "--sha256", hash, "--yes", "--json");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        String id = JSON.readTree(sent.out()).get("commandID_computer").asString();
        sim.advance(Duration.ofMinutes(5));
        CliRun status = sep("command", "status", id, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode matches = JSON.readTree(status.out()).get("matches");
        assertThat(matches.findValuesAsString("remediation")).contains("SUCCEEDED");
        assertThat(sim.computersHolding(hash)).doesNotContain(holder);
    }

    @Test
    void uploadThenDownloadGivesTheOriginalBytes() throws Exception {
        String computer = holder; // a Windows endpoint
        CliRun scan = sep("scan", "--computer-ids", computer, "--path", "C:\\Windows\\System32\\notepad.exe", "--json");
        String scanId = JSON.readTree(scan.out()).get("commandID_computer").asString();
        sim.advance(Duration.ofMinutes(5));
        CliRun waited = sep("command", "wait", scanId, "--json");
        assertThat(waited.exitCode()).as(waited.err()).isZero();
        JsonNode match = JSON.readTree(waited.out()).at("/matches/0");
        assertThat(match.get("result").asString()).isEqualTo("FULL_MATCH");
        String path = match.get("path").asString();
        String sha = match.get("hashValue").asString();

        CliRun upload = sep("upload", "--computer-id", computer, "--path", path, "--sha256", sha, "--json");
        assertThat(upload.exitCode()).as(upload.err()).isZero();
        String uploadId = JSON.readTree(upload.out()).get("commandID").asString();
        sim.advance(Duration.ofMinutes(5));
        String fileId = JSON.readTree(sep("command", "status", uploadId, "--json").out()).at("/statuses/0/binaryFileId").asString();
        assertThat(fileId).isNotBlank();
        Path out = dir.resolve("sample.bin");
        CliRun download = sep("download", fileId, "-o", out.toString());
        assertThat(download.exitCode()).as(download.err()).isZero();
        assertThat(download.out()).contains("verified");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)))).isEqualTo(sha);
        CliRun b64 = sep("download", fileId, "--base64");
        assertThat(b64.out().strip()).isNotEmpty();
    }

    @Test
    void quarantineUnquarantineAndCancel() {
        CliRun q = sep("quarantine", "--computer-ids", holder, "--yes", "--json");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.err()).contains("About to network-quarantine 1 computer");
        String id = JSON.readTree(q.out()).get("commandID_computer").asString();
        CliRun unconfirmedCancel = sep("command", "cancel", id);
        assertThat(unconfirmedCancel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmedCancel.err()).contains("About to cancel command").contains("pass --yes");
        CliRun cancel = sep("command", "cancel", id, "--yes");
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).containsPattern("cancel command [0-9A-F]{32}");
        // lifting a quarantine confirms like setting one, with the same --dry-run and --yes
        CliRun unconfirmed = sep("unquarantine", "--computer-ids", holder);
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("About to lift the network quarantine of").contains("nothing was sent");
        CliRun dry = sep("unquarantine", "--computer-ids", holder, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: would lift the network quarantine");
        assertThat(calls("POST /sepm/api/v1/command-queue/quarantine")).isEqualTo(1);
        CliRun u = sep("unquarantine", "--computer-ids", holder, "--yes");
        assertThat(u.exitCode()).as(u.err()).isZero();
        assertThat(calls("POST /sepm/api/v1/command-queue/quarantine")).isEqualTo(2);
    }

    @Test
    void moveChangesTheComputersGroup() {
        JsonNode computer = JSON.readTree(sep("computers", "--computer-id", holder, "--json").out());
        String target = JSON.readTree(sep("groups", "--json").out().lines().filter(l -> l.contains("Lockdown")).findFirst().orElseThrow())
                .get("id").asString();
        CliRun move = sep("move", "--hardware-key", computer.get("hardwareKey").asString(), "--group-id", target, "--yes");
        assertThat(move.exitCode()).as(move.err()).isZero();
        assertThat(move.err()).contains("About to move 1 computer").contains("Lockdown");
        JsonNode after = JSON.readTree(sep("computers", "--computer-id", holder, "--json").out());
        assertThat(after.at("/group/id").asString()).isEqualTo(target);
    }

    @Test
    void blacklistAddShowListAssignRemoveDelete() {
        String md5 = "44d88612fea8a8f36de82e1278abb02f";
        assertThat(sep("blacklist", "add", "Riposte IR", hash, "--yes").exitCode()).isZero();
        assertThat(sep("blacklist", "add", "Riposte IR", md5.toUpperCase(), "--yes", "--domain", "Default").exitCode()).isZero();
        CliRun show = sep("blacklist", "show", "Riposte IR");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Hashes (2)").contains(hash).contains(md5);
        assertThat(sep("blacklist", "list", "Riposte IR").out().lines()).hasSize(2);
        String group = JSON.readTree(sep("groups", "--json").out().lines().filter(l -> l.contains("Lockdown")).findFirst().orElseThrow())
                .get("id").asString();
        CliRun assign = sep("blacklist", "assign", "Riposte IR", "--group-id", group, "--yes");
        assertThat(assign.exitCode()).as(assign.err()).isZero();
        assertThat(JSON.readTree(sep("blacklist", "show", "Riposte IR", "--json").out()).get("groupIds").toString()).contains(group);
        long assignments = puts();
        CliRun again = sep("blacklist", "assign", "Riposte IR", "--group-id", group, "--yes");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already assigned", "nothing changed");
        assertThat(puts()).as("nothing sent a second time").isEqualTo(assignments);
        assertThat(sep("blacklist", "remove", "Riposte IR", md5).exitCode()).isEqualTo(ExitCodes.USAGE); // unconfirmed
        assertThat(sep("blacklist", "remove", "Riposte IR", md5, "--yes").out()).contains("Removed");
        assertThat(sep("blacklist", "list", "Riposte IR").out().lines()).hasSize(1);
        assertThat(sep("blacklist", "add", "Riposte IR", "evil.example", "--yes").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun delete = sep("blacklist", "delete", "Riposte IR", "--yes");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        CliRun gone = sep("blacklist", "show", "Riposte IR");
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains("no fingerprint list is named 'Riposte IR'");
    }

    @Test
    void insecurePrintsTheWarningEveryTime() throws Exception {
        Path insecure = dir.resolve("insecure.yml");
        Files.writeString(insecure, "sepm:\n  url: " + sim.baseUrl() + "\n  username: admin\n  password: Sepm-Sim-1\n");
        PrintStream previous = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 2; i++) {
                CliRun run = CliRun.of("sep", "version", "--insecure", "--config", insecure.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
            }
        } finally {
            System.setErr(previous);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8).split("TLS certificate verification for SEPM is OFF", -1))
                .hasSizeGreaterThanOrEqualTo(3); // at least once per run
        CliRun verified = CliRun.of("sep", "version", "--config", insecure.toString());
        assertThat(verified.exitCode()).isEqualTo(ExitCodes.UPSTREAM); // the self-signed certificate is refused
    }

    @Test
    void theWrongPasswordIsExitCodeThree() throws Exception {
        Path wrong = dir.resolve("wrong.yml");
        Files.writeString(wrong, Files.readString(config).replace(sim.password(), "nope"));
        CliRun run = CliRun.of("sep", "domains", "--config", wrong.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(List.of(run.out())).containsExactly("");
    }
}
