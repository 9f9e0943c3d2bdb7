package riposte.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Reports over HTTP: create with associations, list per indicator and incident, HTML under CSP, JSON, PDF. */
abstract class ReportApiContract extends ApiTestBase {

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
