package riposte.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** E-mail ingestion over REST: the SEPM rule, exactly once, the allow-list, hostile input. */
abstract class MailIngestApiContract extends ApiTestBase {
    static final String SENDER = "sepm@demo.riposte";

    static String notification(String messageId, String from, String subject, String ip) {
        return "From: SEPM <" + from + ">\r\nTo: soc@demo.riposte\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Subject: " + subject + "\r\n action Cleaned by deletion\r\nContent-Type: text/plain\r\n\r\n"
                + "At least one security risk found:\r\nRisk name: Trojan.Gen.NPE\r\nFile path: C:\\suspicious_exe.exe\r\n"
                + "Event time: Feb 28, 2019 3:40:12 AM\r\nDatabase insert time: Feb 28, 2019 3:45:30 AM\r\n"
                + "Source: Real Time Scan\r\nDescription:\r\nUser: Administrator\r\nComputer: TEST-ENDPOINT\r\n"
                + "IP Address: " + ip + "\r\nDomain: Default\r\nServer: SEPM-SERVER\r\n"
                + "Client Group: My Company\\TEST GROUP 1\r\nAction taken on risk: Cleaned by deletion\r\n"
                + "Seen calling hxxp://c2.evil-example[.]com/gate\r\n";
    }

    static final String SUBJECT = "Single Risk Event: machine TEST-ENDPOINT infected with Trojan.Gen.NPE,";

    @BeforeEach
    void senderConfigured() {
        JsonNode rule = get("/api/v1/mail/rule").body();
        List<String> senders = new ArrayList<>();
        rule.get("senders").forEach(s -> senders.add(s.asString()));
        if (senders.contains(SENDER)) return;
        senders.add(SENDER);
        var put = put("/api/v1/mail/rule", Map.of("subjects", List.of("Security alert", "Single Risk Event:",
                "New Risk Found:"), "senders", senders, "version", rule.get("version").asLong()));
        assertThat(put.status()).as("%s", put.body()).isEqualTo(200);
    }

    record Sent(int status, JsonNode body) {
        JsonNode get(String field) {
            return body.get(field);
        }
    }

    Sent upload(String raw) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/mail/messages"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw.getBytes(StandardCharsets.ISO_8859_1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), json.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNotificationBecomesOneIncidentWithArtifactsAndTheAllowListDecides() {
        String ip = "198.51.100." + (int) (Math.random() * 200 + 1);
        assertThat(post("/api/v1/allowlist", Map.of("reason", "the SEPM server", "entries",
                List.of(Map.of("value", "8.8.4.4")))).status()).isIn(200, 201, 400);
        String raw = notification(unique("n") + "@sepm", SENDER, SUBJECT, ip);
        Sent first = upload(raw);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        JsonNode message = first.get("message");
        assertThat(message.get("outcome").asString()).isEqualTo("INCIDENT");
        assertThat(message.get("fields").get("computer").asString()).isEqualTo("TEST-ENDPOINT");
        assertThat(message.get("fields").get("actionTaken").asString()).isEqualTo("Cleaned by deletion");
        long incident = message.get("incidentId").asLong();
        JsonNode inc = get("/api/v1/incidents/" + incident).body();
        assertThat(inc.get("name").asString()).isEqualTo(SUBJECT + " action Cleaned by deletion");
        assertThat(inc.get("severity").asString()).isEqualTo("MEDIUM");
        List<String> values = new ArrayList<>();
        get("/api/v1/incidents/" + incident + "/artifacts?size=100").get("items")
                .forEach(a -> values.add(a.get("type").asString() + "=" + a.get("value").asString()));
        assertThat(message.get("leftOut").toString()).contains("suspicious_exe.exe").contains("Administrator");
        assertThat(values).contains("file_path=C:\\suspicious_exe.exe",
                "hostname=test-endpoint", "url=http://c2.evil-example.com/gate")
                .as("the risk and file names are fields, not domains")
                .doesNotContain("domain=trojan.gen.npe", "domain=suspicious_exe.exe");
        assertThat(get("/api/v1/incidents/" + incident + "/attachments").get("items").get(0).get("fileName").asString())
                .isEqualTo("message.eml");

        Sent again = upload(raw);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("message").get("incidentId").asLong()).isEqualTo(incident);
        assertThat(get("/api/v1/incidents/" + incident + "/artifacts?size=100").get("totalItems").asLong())
                .isEqualTo(values.size());

        Sent listed = upload(notification(unique("n") + "@sepm", SENDER, SUBJECT, "8.8.4.4"));
        JsonNode leftOut = listed.get("message").get("leftOut");
        assertThat(leftOut.toString()).contains("8.8.4.4").contains("allow-listed");
        List<String> listedValues = new ArrayList<>();
        get("/api/v1/incidents/" + listed.get("message").get("incidentId").asLong() + "/artifacts?size=100")
                .get("items").forEach(a -> listedValues.add(a.get("value").asString()));
        assertThat(listedValues).doesNotContain("8.8.4.4").contains("test-endpoint");
    }

    @Test
    void otherSendersAndSubjectsAndBrokenMessagesCreateNothing() {
        long before = get("/api/v1/incidents").get("totalItems").asLong();
        Sent sender = upload(notification(unique("n") + "@x", "mallory@example.com", SUBJECT, "198.51.100.9"));
        assertThat(sender.get("message").get("outcome").asString()).isEqualTo("IGNORED");
        assertThat(sender.get("message").get("reason").asString()).contains("mallory@example.com");
        Sent subject = upload(notification(unique("n") + "@x", SENDER, "Weekly report", "198.51.100.9"));
        assertThat(subject.get("message").get("outcome").asString()).isEqualTo("IGNORED");
        Sent broken = upload("\u0000\u00ff--\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n=?x?Q?\r\n");
        assertThat(broken.status()).isEqualTo(201);
        assertThat(get("/api/v1/incidents").get("totalItems").asLong()).isEqualTo(before);
        assertThat(get("/api/v1/mail/messages?outcome=IGNORED").get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(problem(get("/api/v1/mail/messages?outcome=NOPE"), 400)).isNotNull();
    }
}
