package riposte.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import riposte.server.ApiTestBase;
import riposte.server.attachment.ContentStore;
import tools.jackson.databind.JsonNode;

/**
 * Reports over HTTP: create with associations, list per indicator and incident, HTML under CSP, JSON, PDF (rendered
 * once and stored).
 */
abstract class ReportApiContract extends ApiTestBase {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore content;

    @Test
    void aReportIsServedAsHtmlJsonAndPdf() throws Exception {
        long incident = post("/api/v1/incidents", Map.of("name", unique("report"))).get("id").asLong();
        long indicator = post("/api/v1/indicators", Map.of("value", unique("rep") + ".example.com")).get("id").asLong();
        String title = "Enrichment of " + unique("evil");
        String html = "<html><head><title>" + title + "</title><link rel=stylesheet href=http://127.0.0.1:1/x.css>"
                + "</head><body><h1>" + title + "</h1><p>Reputation: MALICIOUS<br>"
                + "<img src=\"file:///etc/passwd\"></p></body></html>";
        var created = post("/api/v1/reports", Map.of("title", title, "kind", "enrichment", "html", html,
                "json", Map.of("reputation", "MALICIOUS", "score", 97),
                "indicatorIds", List.of(indicator), "incidentIds", List.of(incident)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("hasHtml").asBoolean()).isTrue();
        assertThat(created.get("indicatorIds").get(0).asLong()).isEqualTo(indicator);

        assertThat(get("/api/v1/reports?indicatorId=" + indicator).get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(get("/api/v1/reports?incidentId=" + incident).get("totalItems").asLong()).isEqualTo(1);

        var page = download("/api/v1/reports/" + id + "/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "sandbox");
        assertThat(page.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(html);

        JsonNode json = get("/api/v1/reports/" + id + "/json").body();
        assertThat(json.get("score").asInt()).isEqualTo(97);

        var pdf = download("/api/v1/reports/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(title, "Reputation: MALICIOUS");
        }
    }

    /**
     * The PDF is rendered once and stored: a later request serves the stored file (the HTML changed behind the
     * API's back does not show), and a stored file that went missing is rendered again.
     */
    @Test
    void thePdfIsRenderedOnceAndServedFromTheStoredFileAfterwards() throws Exception {
        long id = post("/api/v1/reports", Map.of("title", "stored pdf", "html", "<p>First rendering</p>"))
                .get("id").asLong();
        assertThat(jdbc.sql("select pdf_sha256 from reports where id = :id").param("id", id).query(String.class)
                .optional()).as("nothing rendered before it is asked for").isEmpty();

        byte[] first = download("/api/v1/reports/" + id + "/pdf").body();
        assertThat(pdfText(first)).contains("First rendering");
        String sha = jdbc.sql("select pdf_sha256 from reports where id = :id").param("id", id).query(String.class)
                .single();
        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(first)));
        Path stored = content.path(sha).orElseThrow();
        assertThat(Files.readAllBytes(stored)).isEqualTo(first);

        jdbc.sql("update reports set html_body = '<p>Changed behind the API</p>' where id = :id").param("id", id)
                .update();
        var again = download("/api/v1/reports/" + id + "/pdf");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(again.body()).as("served from the stored file").isEqualTo(first);

        Files.delete(stored);
        assertThat(pdfText(download("/api/v1/reports/" + id + "/pdf").body())).as("rendered again")
                .contains("Changed behind the API");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void badReportsAreRejectedNamingTheField() {
        JsonNode empty = problem(post("/api/v1/reports", Map.of("title", "nothing in it")), 400);
        assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("html");
        JsonNode missing = problem(post("/api/v1/reports", Map.of("title", "t", "html", "<p>x</p>",
                "incidentIds", List.of(999999999))), 400);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("incidentIds[0]");
        problem(post("/api/v1/reports", Map.of("html", "<p>x</p>")), 400);
        var jsonOnly = post("/api/v1/reports", Map.of("title", "json only", "json", List.of(1, 2)));
        assertThat(jsonOnly.status()).isEqualTo(201);
        problem(get("/api/v1/reports/" + jsonOnly.get("id").asLong() + "/html"), 404);
        problem(get("/api/v1/reports/999999999"), 404);
    }
}
