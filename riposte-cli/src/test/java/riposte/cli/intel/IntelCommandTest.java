package riposte.cli.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riposte.cli.CliRun;
import riposte.cli.ExitCodes;
import riposte.simulator.fault.Fault;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code riposte intel} end to end: the real command line, the real client, the simulator over loopback HTTP. */
class IntelCommandTest {
    static final String WATERBUG = "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void lookupPrintsOneJsonObjectWithEverySectionThatApplies() {
        CliRun run = CliRun.of("intel", "lookup", WATERBUG.toUpperCase(), "--sim", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.at("/indicator/type").asString()).isEqualTo("sha256");
        assertThat(json.at("/indicator/value").asString()).isEqualTo(WATERBUG);
        assertThat(json.at("/verdict").asString()).isEqualTo("malicious");
        assertThat(json.at("/insight/reputation").asString()).isEqualTo("BAD");
        assertThat(json.at("/insight/actors/0").asString()).isEqualTo("Waterbug");
        assertThat(json.has("protection")).isTrue();
        assertThat(json.has("related")).isTrue();
        assertThat(json.has("processChain")).isTrue();
        assertThat(json.has("history")).isFalse(); // network only
        assertThat(json.at("/notApplicable/history").asString()).isNotBlank();
        assertThat(json.at("/errors").size()).isZero();
        assertThat(json.at("/cache/insight/hit").asBoolean()).isFalse();
    }

    @Test
    void theDefaultOutputIsReadableText() {
        CliRun run = CliRun.of("intel", "lookup", "elblogdeloscachanillas.com.mx", "--sim");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("domain", "elblogdeloscachanillas.com.mx", "MALICIOUS", "risk level",
                "10 (Malicious)", "Malicious Sources/Malnets");
    }

    @Test
    void aDomainUnderAnUnlistedSuffixIsLookedUp() {
        CliRun run = CliRun.of("intel", "lookup", "c2.example", "--sim", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"type\":\"domain\"", "c2.example");
    }

    @Test
    void anMd5OnAFileEndpointIsExplainedAndNothingIsSent() {
        CliRun run = CliRun.of("intel", "insight", "d41d8cd98f00b204e9800998ecf8427e", "--sim");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("SHA-256 only");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedIndicatorIsAUsageError() {
        CliRun run = CliRun.of("intel", "lookup", "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8", "--sim");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("has 63 hex digits");
    }

    @Test
    void bulkInputSkipsBadLinesLooksDuplicatesUpOnceAndSummarises() throws Exception {
        Path input = dir.resolve("iocs.txt");
        Files.write(input, List.of("# triage list", WATERBUG, "8.8.8.8", "not an indicator!", WATERBUG.toUpperCase(),
                "", "hxxp://elblogdeloscachanillas[.]com[.]mx/s3sy8rq10/ophn.png"));
        CliRun run = CliRun.of("intel", "lookup", "--input", input.toString(), "--json", "--sim");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(1)).at("/indicator/value").asString()).isEqualTo("8.8.8.8");
        assertThat(JSON.readTree(lines.get(2)).at("/indicator/type").asString()).isEqualTo("url");
        assertThat(run.err()).contains("iocs.txt:4: 'not an indicator!' is not an indicator")
                .contains("Looked up 3 indicators").contains("1 duplicate skipped").contains("1 invalid line skipped");
    }

    @Test
    void csvColumnsAreReadAndCsvCellsCannotBecomeFormulas() throws Exception {
        Path input = dir.resolve("alerts.csv");
        Files.writeString(input, "time,ioc,analyst\n2026-11-25,8.8.8.8,=cmd|' /C calc'!A0\n2026-11-25," + WATERBUG + ",bob\n");
        Path output = dir.resolve("out.csv");
        CliRun run = CliRun.of("intel", "insight", "-i", input.toString(), "--csv", "-o", output.toString(), "--sim");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(output);
        assertThat(rows.get(0)).startsWith("type,indicator,verdict,verdict_reasons,reputation");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("ipv4,8.8.8.8,benign");
        assertThat(rows.get(2)).contains("malicious", "BAD", "Waterbug");
    }

    @Test
    void rawPrintsTheBodiesUnchanged() {
        CliRun run = CliRun.of("intel", "protection", "CVE-2023-35311", "--raw", "--sim");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(run.out().strip());
        assertThat(body.at("/cve").asString()).isEqualTo("CVE-2023-35311");
        assertThat(body.at("/state/0/technology").asString()).isEqualTo("Intrusion Prevention System");
    }

    @Test
    void withoutCredentialsTheExitCodeIsThreeAndTheMessageSaysWhatToSet() {
        CliRun run = CliRun.of("intel", "lookup", "8.8.8.8", "--config", writeConfig("ses:\n  url: http://127.0.0.1:9\n"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("RIPOSTE_SES_CLIENT_ID").contains("--sim");
    }

    @Test
    void wrongCredentialsStopTheRunWithExitCodeThree() {
        try (SesSimulator sim = SesSimulator.builder().port(0).build().start()) {
            String config = writeConfig("ses:\n  url: " + sim.baseUrl() + "\n  client-id: riposte-sim\n  client-secret: wrong\n");
            CliRun run = CliRun.of("intel", "lookup", WATERBUG, "8.8.8.8", "--config", config);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
            assertThat(run.err()).contains("authentication failed").doesNotContain("wrong");
            assertThat(sim.stats().tokensIssued()).isZero();
        }
    }

    @Test
    void anUpstreamFailingAfterRetriesGivesExitCodeFourAndTheOtherResults() throws Exception {
        try (SesSimulator sim = SesSimulator.builder().port(0).build().start()) {
            String config = writeConfig("ses:\n  url: " + sim.baseUrl()
                    + "\n  client-id: riposte-sim\n  client-secret: riposte-sim-secret\n  max-attempts: 2\n");
            CliRun warmUp = CliRun.of("intel", "insight", "8.8.8.8", "--config", config);
            assertThat(warmUp.exitCode()).as(warmUp.err()).isZero();
            // Every protection call fails, twice; insight keeps working.
            sim.enqueue(Fault.status(503).onPath("/v1/threat-intel/protection/").times(10));
            CliRun run = CliRun.of("intel", "lookup", "8.8.8.8", "--json", "--config", config);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UPSTREAM);
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.at("/insight/network").asString()).isEqualTo("8.8.8.8");
            assertThat(json.at("/errors/protection/kind").asString()).isEqualTo("upstream");
            assertThat(json.at("/errors/protection/message").asString()).contains("503");
        }
    }

    /**
     * --concurrency is honoured as asked, above ses.max-concurrency (which only sets the default): counted as the
     * peak of requests the simulator was answering at once, with enough latency that they overlap.
     */
    @Test
    void concurrencyIsHonouredAboveTheConfiguredDefault() throws Exception {
        Path input = dir.resolve("many.txt");
        Files.write(input, java.util.stream.IntStream.rangeClosed(1, 320).mapToObj(i -> String.format("%064x", i)).toList());
        try (SesSimulator sim = SesSimulator.builder().port(0).latency(java.time.Duration.ofMillis(150)).build().start()) {
            String config = writeConfig("ses:\n  url: " + sim.baseUrl()
                    + "\n  client-id: riposte-sim\n  client-secret: riposte-sim-secret\n  max-concurrency: 4\n");
            CliRun run = CliRun.of("intel", "insight", "--input", input.toString(), "--concurrency", "64",
                    "--no-progress", "--json", "--config", config);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(sim.stats().peakInFlight()).isEqualTo(64);
        }
        try (SesSimulator sim = SesSimulator.builder().port(0).latency(java.time.Duration.ofMillis(150)).build().start()) {
            String config = writeConfig("ses:\n  url: " + sim.baseUrl()
                    + "\n  client-id: riposte-sim\n  client-secret: riposte-sim-secret\n  max-concurrency: 4\n");
            Path few = dir.resolve("few.txt");
            Files.write(few, Files.readAllLines(input).subList(0, 24));
            CliRun run = CliRun.of("intel", "insight", "--input", few.toString(), "--no-progress", "--json",
                    "--config", config);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(sim.stats().peakInFlight()).as("the configured default without the flag").isEqualTo(4);
        }
    }

    @Test
    void noIndicatorsIsAUsageError() {
        CliRun run = CliRun.of("intel", "lookup", "--sim");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("give at least one indicator");
    }

    private String writeConfig(String yaml) {
        try {
            Path file = dir.resolve("riposte.yml");
            Files.writeString(file, yaml);
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
