package riposte.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** The real command line against the real server, started once in-process on a free port with an H2 database. */
class ServerCommandsTest {
    static final String TOKEN = "rip_cli-test-admin-token-0123456789abcdefghij";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext server;
    static String url;
    static Path config;

    @BeforeAll
    static void startServer() throws Exception {
        server = RiposteServer.start("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--riposte.server.blob-dir=" + dir.resolve("blobs"),
                "--spring.servlet.multipart.max-file-size=1MB", "--spring.servlet.multipart.max-request-size=1MB",
                "--riposte.secrets.data-dir=" + dir, // the generated secret key stays in the test directory
                "--riposte.security.admin-password=cli-test-password-1",
                "--riposte.security.admin-api-token=" + TOKEN,
                "--logging.level.riposte=WARN");
        url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        config = configFile("riposte.yml", url, TOKEN);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    static Path configFile(String name, String serverUrl, String token) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "server:\n  url: " + serverUrl + "\n" + (token == null ? "" : "  api-token: " + token + "\n"));
        return file;
    }

    /** Runs {@code riposte ARGS --config riposte.yml}. */
    static CliRun cli(String... args) {
        return withConfig(config, args);
    }

    static CliRun withConfig(Path file, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(file.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    static JsonNode json(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    static long newIncident(String name) {
        return json(cli("incident", "create", "--name", name, "--json")).get("id").asLong();
    }

    /** A direct API call as the admin, for what the CLI does not do (users, attributes). */
    static JsonNode api(String token, String method, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + "/api/v1/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        }
    }

    @Test
    void enrichWithoutSesConfiguredReportsWhyAndExits4() throws Exception {
        Path input = dir.resolve("enrich.txt");
        Files.writeString(input, "# to enrich\nexample[.]org\nnot an indicator\n");
        CliRun run = cli("indicator", "enrich", "--input", input.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UPSTREAM);
        assertThat(run.out()).contains("failed", "example.org", "invalid", "not an indicator");
        assertThat(run.err()).contains("Symantec Threat Intelligence is not configured", "RIPOSTE_SES_CLIENT_ID");

        JsonNode job = json(cli("indicator", "enrich", "--no-wait", "--json", "example.org"));
        assertThat(job.get("total").asInt()).isEqualTo(1);
        assertThat(job.get("id").asString()).isNotBlank();
    }

    @Test
    void createListShowAndUpdateIncidents() {
        CliRun created = cli("incident", "create", "--name", "Ransomware on FIN-LAPTOP-7", "--severity", "high",
                "--type", "Malware", "--description", "Files renamed to .locked");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Ransomware on FIN-LAPTOP-7", "severity:  HIGH", "type:      Malware", "(version 0)");
        long id = Long.parseLong(created.out().replaceAll("(?s)^Incident (\\d+):.*", "$1"));

        CliRun list = cli("incident", "list", "--severity", "HIGH", "--status", "open");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID ").contains("Ransomware on FIN-LAPTOP-7", "incidents, page 0");

        JsonNode page = json(cli("incident", "list", "--size", "5", "--json"));
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.has("totalItems")).isTrue();
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id); // newest first

        CliRun updated = cli("incident", "update", String.valueOf(id), "--status", "in_progress", "--owner", "alice");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.out()).contains("status:    IN_PROGRESS", "owner:     alice", "(version 1)");

        JsonNode shown = json(cli("incident", "show", String.valueOf(id), "--json"));
        assertThat(shown.propertyNames()).containsExactly("incident", "artifacts", "notes", "tasks");
        assertThat(shown.get("incident").get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(shown.get("incident").get("owner").asString()).isEqualTo("alice");
        assertThat(shown.get("artifacts").isArray()).isTrue();

        assertThat(cli("incident", "list", "--owner", "alice").out()).contains("Ransomware on FIN-LAPTOP-7");
        CliRun nothing = cli("incident", "update", String.valueOf(id));
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("nothing to change");
    }

    @Test
    void artifactsAndNotes() throws Exception {
        long id = newIncident("Phishing wave");
        CliRun added = cli("incident", "artifact", "add", String.valueOf(id), "hxxp://evil[.]example[.]com/payload",
                "not an indicator!", "44D88612FEA8A8F36DE82E1278ABB02F", "--description", "from the mail");
        assertThat(added.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(added.out()).contains("url", "http://evil.example.com/payload", "md5", "44d88612fea8a8f36de82e1278abb02f");
        assertThat(added.err()).contains("riposte: not an indicator!: the server refused the request: value: ",
                "1 of 3 values refused; the others were added");

        Path input = dir.resolve("artifacts.txt");
        Files.writeString(input, "# from the proxy log\n\n10.1.2.3\n");
        CliRun fromFile = cli("incident", "artifact", "add", String.valueOf(id), "--input", input.toString(), "--json");
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        JsonNode artifacts = JSON.readTree(fromFile.out());
        assertThat(artifacts.get(0).get("type").asString()).isEqualTo("ipv4");
        assertThat(artifacts.get(0).get("source").asString()).isEqualTo("riposte-cli");

        CliRun note = cli("incident", "note", "add", String.valueOf(id), "Isolated the host\n\u001b[31mred");
        assertThat(note.exitCode()).as(note.err()).isZero();
        assertThat(note.out()).contains("added to incident " + id);

        CliRun shown = cli("incident", "show", String.valueOf(id));
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Artifacts (3):", "http://evil.example.com/payload  (from the mail)", "10.1.2.3",
                "Notes (1):", "admin:", "    Isolated the host", "    \\x1b[31mred", "Tasks (0):");
        assertThat(shown.out()).doesNotContain("\u001b");
    }

    /** Runs the command with {@code System.out} captured too: downloads to {@code -o -} write bytes there. */
    static CliRun cliWithStdout(java.io.ByteArrayOutputStream stdout, String... args) {
        java.io.PrintStream previous = System.out;
        System.setOut(new java.io.PrintStream(stdout, true));
        try {
            return cli(args);
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void attachmentsAreUploadedListedAndDownloaded() throws Exception {
        long id = newIncident("EOC scan");
        Path upload = Files.createDirectories(dir.resolve("upload-" + UUID.randomUUID()));
        Path csv = Files.writeString(upload.resolve("scan-results.csv"), "computer,hash\nFIN-LAPTOP-7,44d88612\n");
        Path sample = Files.write(upload.resolve("sample.bin"), new byte[] {0, (byte) 0xff, 0x1b, 10, 13, 0x7f});

        CliRun missing = cli("incident", "attachment", "add", String.valueOf(id), csv.toString(), upload.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope.csv does not exist: nothing was uploaded");
        CliRun directory = cli("incident", "attachment", "add", String.valueOf(id), upload.toString());
        assertThat(directory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("is not a regular file");
        assertThat(json(cli("incident", "attachment", "list", String.valueOf(id), "--json")).get("totalItems").asInt()).isZero();

        CliRun added = cli("incident", "attachment", "add", String.valueOf(id), csv.toString(), sample.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("scan-results.csv", "sample.bin", sha256(Files.readAllBytes(csv)));

        CliRun list = cli("incident", "attachment", "list", String.valueOf(id));
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID ").contains("text/csv", "application/octet-stream", "admin", "scan-results.csv",
                sha256(Files.readAllBytes(sample)), "2 attachments, page 0");
        JsonNode page = json(cli("incident", "attachment", "list", String.valueOf(id), "--json"));
        long csvId = page.get("items").get(0).get("id").asLong();
        long sampleId = page.get("items").get(1).get("id").asLong();
        assertThat(page.get("items").get(0).get("fileName").asString()).isEqualTo("scan-results.csv");

        Path out = dir.resolve("downloaded-" + UUID.randomUUID() + ".bin");
        CliRun got = cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(sampleId), "-o", out.toString());
        assertThat(got.exitCode()).as(got.err()).isZero();
        assertThat(got.out()).contains("Wrote 6 bytes to " + out, "verified");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(sample));

        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        CliRun toStdout = cliWithStdout(stdout, "incident", "attachment", "get", String.valueOf(id), String.valueOf(sampleId), "-o", "-");
        assertThat(toStdout.exitCode()).as(toStdout.err()).isZero();
        assertThat(stdout.toByteArray()).isEqualTo(Files.readAllBytes(sample));
        assertThat(toStdout.out()).isEmpty();

        JsonNode asJson = json(cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(csvId), "-o",
                dir.resolve("scan-" + UUID.randomUUID() + ".csv").toString(), "--json"));
        assertThat(asJson.get("sha256").asString()).isEqualTo(sha256(Files.readAllBytes(csv)));
        assertThat(asJson.get("fileName").asString()).isEqualTo("scan-results.csv");
    }

    @Test
    void aFileTheServerRefusesIsNamedAndTheOthersAreUploaded() throws Exception {
        long id = newIncident("Too big");
        Path big = Files.write(dir.resolve("memory-" + UUID.randomUUID() + ".dmp"), new byte[1024 * 1024 + 10]);
        Path small = Files.writeString(dir.resolve("small-" + UUID.randomUUID() + ".txt"), "small");
        CliRun run = cli("incident", "attachment", "add", String.valueOf(id), big.toString(), small.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("riposte: " + big + ": ", "RIPOSTE_MAX_UPLOAD_SIZE",
                "1 of 2 files refused; the others were uploaded");
        JsonNode page = json(cli("incident", "attachment", "list", String.valueOf(id), "--json"));
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("fileName").asString()).isEqualTo(small.getFileName().toString());
    }

    @Test
    void aDownloadNeverOverwritesWithoutForce() throws Exception {
        long id = newIncident("Overwrite");
        Path file = Files.writeString(dir.resolve("evidence-" + UUID.randomUUID() + ".txt"), "new content");
        long attachmentId = json(cli("incident", "attachment", "add", String.valueOf(id), file.toString(), "--json")).get(0)
                .get("id").asLong();
        Path existing = Files.writeString(dir.resolve("existing-" + UUID.randomUUID() + ".txt"), "keep me");

        CliRun refused = cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(attachmentId), "-o", existing.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(existing + " exists", "--force");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        CliRun forced = cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(attachmentId), "-o",
                existing.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(existing)).isEqualTo("new content");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void aDownloadGoesToTheSanitisedStoredNameInTheCurrentDirectory() throws Exception {
        long id = newIncident("Odd names");
        String unique = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Path odd = Files.writeString(Files.createDirectories(dir.resolve("odd")).resolve(unique + " a:b|c*.txt"), "odd");
        long attachmentId = json(cli("incident", "attachment", "add", String.valueOf(id), odd.toString(), "--json")).get(0)
                .get("id").asLong();
        Path expected = Path.of(unique + " a_b_c_.txt"); // relative: the current directory
        try {
            CliRun got = cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(attachmentId));
            assertThat(got.exitCode()).as(got.err()).isZero();
            assertThat(got.out()).contains("to " + expected);
            assertThat(Files.readString(expected)).isEqualTo("odd");
            CliRun again = cli("incident", "attachment", "get", String.valueOf(id), String.valueOf(attachmentId));
            assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(again.err()).contains(expected + " exists");
        } finally {
            Files.deleteIfExists(expected);
        }
    }

    @Test
    void missingIncidentOrAttachmentIsExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("for-nobody.txt"), "x");
        for (String[] args : List.of(new String[] {"attachment", "list", "987654"},
                new String[] {"attachment", "add", "987654", file.toString()},
                new String[] {"attachment", "get", "987654", "1"},
                new String[] {"table", "list", "987654"},
                new String[] {"table", "rows", "987654", "sep_groups"},
                new String[] {"table", "rows", "987654", "sep_groups", "--csv"})) {
            List<String> all = new ArrayList<>(List.of("incident"));
            all.addAll(List.of(args));
            CliRun run = cli(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).contains("987654");
        }
        long id = newIncident("No such attachment");
        CliRun noAttachment = cli("incident", "attachment", "get", String.valueOf(id), "987655");
        assertThat(noAttachment.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noAttachment.err()).contains("987655");
        CliRun noTable = cli("incident", "table", "rows", String.valueOf(id), "no_such_table");
        assertThat(noTable.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTable.err()).contains("no_such_table");
    }

    @Test
    void dataTableRowsAsTableJsonAndCsv() throws Exception {
        long id = newIncident("Endpoints");
        api(TOKEN, "POST", "incidents/" + id + "/data-tables/sep_endpoint_details/rows", java.util.Map.of("cells",
                java.util.Map.of("computer_name", "FIN-LAPTOP-7", "online", true, "domain_name", "=HYPERLINK(\"http://x\")")));
        api(TOKEN, "POST", "incidents/" + id + "/data-tables/sep_endpoint_details/rows", java.util.Map.of("cells",
                java.util.Map.of("computer_name", "HR-DESKTOP-2", "online", false)));

        CliRun tables = cli("incident", "table", "list", String.valueOf(id));
        assertThat(tables.exitCode()).as(tables.err()).isZero();
        assertThat(tables.out()).startsWith("ROWS ").containsPattern("\\n2 +sep_endpoint_details +Symantec SEP - Threats")
                .containsPattern("\\n0 +sep_groups").contains("data tables in incident " + id);
        JsonNode withRows = json(cli("incident", "table", "list", String.valueOf(id), "--with-rows", "--json"));
        assertThat(withRows).hasSize(1);
        assertThat(withRows.get(0).get("name").asString()).isEqualTo("sep_endpoint_details");
        assertThat(withRows.get(0).get("rowCount").asLong()).isEqualTo(2);

        CliRun rows = cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--sort", "-computer_name");
        assertThat(rows.exitCode()).as(rows.err()).isZero();
        assertThat(rows.out()).contains("computer_name", "online").containsPattern("HR-DESKTOP-2[^\\n]*\\n[^\\n]*FIN-LAPTOP-7")
                .contains("2 rows of sep_endpoint_details in incident " + id + ", page 0");
        JsonNode page = json(cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--filter",
                "online:eq:true", "--size", "1", "--json"));
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("cells").get("computer_name").asString()).isEqualTo("FIN-LAPTOP-7");

        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        CliRun csv = cliWithStdout(stdout, "incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--csv",
                "--sort", "computer_name");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String text = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(3);
        assertThat(text).contains("FIN-LAPTOP-7", "HR-DESKTOP-2", "'=HYPERLINK(").doesNotContain(",=HYPERLINK");
        assertThat(text.indexOf("FIN-LAPTOP-7")).isLessThan(text.indexOf("HR-DESKTOP-2"));

        Path file = dir.resolve("endpoints-" + UUID.randomUUID() + ".csv");
        CliRun toFile = cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--csv", "-o",
                file.toString(), "--filter", "online:eq:false");
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(Files.readString(file)).contains("HR-DESKTOP-2").doesNotContain("FIN-LAPTOP-7");
        CliRun again = cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--csv", "-o", file.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists", "--force");

        CliRun pagedCsv = cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--csv", "--page", "1");
        assertThat(pagedCsv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pagedCsv.err()).contains("--csv exports every matching row");
        CliRun badFilter = cli("incident", "table", "rows", String.valueOf(id), "sep_endpoint_details", "--filter", "colour:eq:red");
        assertThat(badFilter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFilter.err()).contains("colour");
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void missingIncidentIsExit2() {
        CliRun shown = cli("incident", "show", "987654");
        assertThat(shown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shown.err()).contains("incident 987654 does not exist");
        CliRun note = cli("incident", "note", "add", "987654", "hello");
        assertThat(note.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void staleVersionIsRefusedWithExit2() {
        long id = newIncident("Two analysts at once");
        assertThat(cli("incident", "update", String.valueOf(id), "--severity", "low", "--if-version", "0").exitCode()).isZero();
        CliRun stale = cli("incident", "update", String.valueOf(id), "--severity", "critical", "--if-version", "0");
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stale.err()).contains("changed by someone else", "fetch it again");
        assertThat(json(cli("incident", "show", String.valueOf(id), "--json")).get("incident").get("severity").asString())
                .isEqualTo("LOW");
    }

    @Test
    void indicatorsAddListShowAndTag() throws Exception {
        String tag = "phish-" + UUID.randomUUID().toString().substring(0, 8);
        CliRun added = cli("indicator", "add", "evil[.]example[.]org", "203.0.113.9", "bogus value!", "--tag", tag,
                "--verdict", "malicious", "--confidence", "80");
        assertThat(added.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(added.out()).contains("added", "evil.example.org", "203.0.113.9", "MALICIOUS", tag);
        assertThat(added.err()).contains("riposte: bogus value!: ", "(not sent)", "1 of 3 values refused");

        CliRun again = cli("indicator", "add", "evil.example.org");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("existing");

        JsonNode page = json(cli("indicator", "list", "--tag", tag, "--json"));
        assertThat(page.get("totalItems").asInt()).isEqualTo(2);
        CliRun domains = cli("indicator", "list", "--type", "domain", "--verdict", "MALICIOUS");
        assertThat(domains.out()).contains("evil.example.org").doesNotContain("203.0.113.9");
        CliRun badType = cli("indicator", "list", "--type", "colour");
        assertThat(badType.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badType.err()).contains("'colour' is not an indicator type", "sha256");

        CliRun tagged = cli("indicator", "tag", "evil[.]example[.]org", "campaign-x");
        assertThat(tagged.exitCode()).as(tagged.err()).isZero();
        assertThat(tagged.out()).contains("tags:       ", "campaign-x", tag);

        long id = json(cli("indicator", "show", "evil.example.org", "--json")).get("indicator").get("id").asLong();
        api(TOKEN, "PUT", "indicators/" + id + "/attributes",
                java.util.Map.of("name", "Symantec ThreatIntel Reputation", "value", "MALICIOUS", "source", "ses"));
        CliRun shown = cli("indicator", "show", String.valueOf(id));
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Indicator " + id + ": domain evil.example.org", "verdict:    MALICIOUS (confidence 80)",
                "Attributes (1):", "Symantec ThreatIntel Reputation", "ses", "MALICIOUS");
        JsonNode json = json(cli("indicator", "show", String.valueOf(id), "--json"));
        assertThat(json.get("attributes").get(0).get("source").asString()).isEqualTo("ses");
        assertThat(json.get("attributes").get(0).has("updatedAt")).isTrue();

        CliRun untagged = cli("indicator", "tag", String.valueOf(id), "campaign-x", "--remove", "--json");
        assertThat(JSON.readTree(untagged.out()).get("tags").toString()).doesNotContain("campaign-x");

        CliRun unknown = cli("indicator", "show", "never-seen.example.net");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no indicator domain never-seen.example.net on the server");
    }

    @Test
    void wrongOrMissingTokenIsExit3() throws Exception {
        CliRun wrong = withConfig(configFile("wrong.yml", url, "rip_not-a-real-token-0123456789abcdefghijkl"), "incident", "list");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(wrong.err()).contains("the API token was refused", "RIPOSTE_API_TOKEN");
        assertThat(wrong.err()).doesNotContain("rip_not-a-real");

        CliRun none = withConfig(configFile("none.yml", url, null), "indicator", "list");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(none.err()).contains("no API token configured", "RIPOSTE_API_TOKEN");
    }

    @Test
    void aViewerCannotChangeAnything() throws Exception {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        api(TOKEN, "POST", "users", java.util.Map.of("username", name, "role", "VIEWER", "password", "viewer-password-123"));
        String token = api(TOKEN, "POST", "tokens", java.util.Map.of("name", "cli test", "owner", name)).get("token").asString();
        Path viewer = configFile("viewer.yml", url, token);
        assertThat(withConfig(viewer, "incident", "list").exitCode()).isZero();
        CliRun create = withConfig(viewer, "incident", "create", "--name", "not allowed");
        assertThat(create.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(create.err()).contains("your role does not allow this request", "analyst role");
        long id = newIncident("Viewer reads files");
        Path file = Files.writeString(dir.resolve("viewer-" + UUID.randomUUID() + ".txt"), "x");
        CliRun upload = withConfig(viewer, "incident", "attachment", "add", String.valueOf(id), file.toString());
        assertThat(upload.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(upload.err()).contains("analyst role");
        assertThat(withConfig(viewer, "incident", "attachment", "list", String.valueOf(id)).exitCode()).isZero();
        assertThat(withConfig(viewer, "incident", "table", "list", String.valueOf(id)).exitCode()).isZero();
    }

    @Test
    void serverDownIsExit4() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port;
        CliRun run = withConfig(configFile("down.yml", down, TOKEN), "incident", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UPSTREAM);
        assertThat(run.err()).contains("is `riposte serve` running at " + down);
    }

    @Test
    void plainHttpOnlyToLoopback() throws Exception {
        CliRun run = withConfig(configFile("remote.yml", "http://riposte.example.org:8080", TOKEN), "incident", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("plain http:// is allowed to loopback hosts only");
    }

    @Test
    void everyCommandHasHelp() {
        CliRun top = CliRun.of("incident", "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("list", "show", "create", "update", "artifact", "note", "attachment", "table");
        assertThat(CliRun.of("incident", "attachment", "get", "--help").out()).contains("--output=FILE", "--force");
        assertThat(CliRun.of("incident", "table", "rows", "--help").out()).contains("--csv", "--filter=COLUMN:OP:VALUE");
        CliRun add = CliRun.of("indicator", "add", "--help");
        assertThat(add.exitCode()).isZero();
        assertThat(add.out()).contains("--tag", "--verdict", "UNKNOWN, BENIGN, SUSPICIOUS");
        assertThat(CliRun.of("incident", "artifact", "add", "--help").out()).contains("--input=FILE");
    }

    @Test
    void allowListEntriesAreAddedCheckedListedAndRemoved() throws Exception {
        String domain = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        CliRun refused = cli("allowlist", "add", "*.com", domain, "--reason", "nope");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("*.com", "public suffix com", "nothing was sent");
        Path input = dir.resolve("allow.txt");
        Files.writeString(input, "# ours\n*." + domain + "   our mail\n" + domain + "\n");
        JsonNode added = json(cli("allowlist", "add", "--input", input.toString(), "--reason", "the apex", "--json"));
        assertThat(added).hasSize(2);
        assertThat(added.get(0).get("kind").asString()).isEqualTo("wildcard_domain");
        assertThat(added.get(1).get("reason").asString()).isEqualTo("the apex");

        CliRun check = cli("allowlist", "check", "hxxps://mail." + domain + "/owa", "8.8.8.8");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("yes", "*." + domain, "our mail").contains("no ", "8.8.8.8");
        CliRun list = cli("allowlist", "list", "--filter", domain);
        assertThat(list.out()).contains("wildcard_domain", domain, "2 entries");
        CliRun again = cli("allowlist", "add", domain, "--reason", "twice");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already on the allow-list");

        CliRun removed = cli("allowlist", "remove", added.get(0).get("id").asString(), added.get(1).get("id").asString());
        assertThat(removed.out()).contains("removed " + added.get(0).get("id").asString());
        assertThat(cli("allowlist", "list", "--filter", domain).out()).contains("0 entries");
    }

    @Test
    void anExportedListIsAddedBackLeavingOutWhatIsAlreadyListed() throws Exception {
        String domain = "exp-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Path input = dir.resolve("to-export.txt");
        Files.writeString(input, "*." + domain + "   our CDN\n" + domain + "   the apex\n");
        JsonNode added = json(cli("allowlist", "add", "--input", input.toString(), "--json"));

        CliRun export = cli("allowlist", "export");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("# Riposte allow-list: ")
                .contains("*." + domain + "  our CDN\n" + domain + "  the apex\n"); // oldest first, as added
        Path exported = dir.resolve("exported.txt");
        Files.writeString(exported, export.out());

        cli("allowlist", "remove", added.get(1).get("id").asString());
        CliRun refused = cli("allowlist", "add", "--input", exported.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("already on the allow-list");

        CliRun back = cli("allowlist", "add", "--input", exported.toString(), "--skip-existing");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.err()).contains("already listed (or repeated): left out");
        assertThat(back.out()).contains(domain, "the apex");
        assertThat(cli("allowlist", "list", "--filter", domain).out()).contains("2 entries");
        CliRun again = cli("allowlist", "add", "--input", exported.toString(), "--skip-existing");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to add");

        JsonNode all = json(cli("allowlist", "export", "--json"));
        List<String> ids = new ArrayList<>();
        all.forEach(e -> { if (e.get("value").asString().endsWith(domain)) ids.add(e.get("id").asString()); });
        assertThat(ids).hasSize(2);
        List<String> remove = new ArrayList<>(List.of("allowlist", "remove"));
        remove.addAll(ids);
        assertThat(cli(remove.toArray(String[]::new)).exitCode()).isZero();
    }
}
