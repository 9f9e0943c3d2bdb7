package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Reports in a browser: the list, the sandboxed HTML view, associations, PDF and JSON downloads. */
class ReportBrowserTest extends ConsoleBrowserTest {

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void aReportIsShownSandboxedWithItsAssociationsAndDownloads() {
        String domain = unique("report") + ".example.com";
        long indicator = post("/api/v1/indicators", Map.of("value", domain, "verdict", "malicious")).get("id").asLong();
        String html = "<html><body><h1>Network Insight</h1><p id='para'>Seen on 3 endpoints</p>"
                + "<script>parent.__fromReport = 1</script></body></html>";
        Reply created = post("/api/v1/reports", Map.of("title", "Network Insight: " + domain, "kind", "network-insight",
                "html", html, "json", Map.of("domain", domain), "indicatorIds", List.of(indicator)));
        long id = created.get("id").asLong();

        open("/console/reports");
        click(By.linkText("Network Insight: " + domain));
        assertThat(text(By.id("report-title"))).isEqualTo("Network Insight: " + domain);
        assertThat(text(By.id("report-associations"))).contains(domain).contains("malicious");
        browser.switchTo().frame(browser.findElement(By.id("report-body")));
        assertThat(text(By.id("para"))).isEqualTo("Seen on 3 endpoints");
        browser.switchTo().defaultContent();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__fromReport === undefined"))
                .isEqualTo(true);
        screenshot("report");

        String pdfHref = browser.findElement(By.id("report-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = download(pdfHref.substring(pdfHref.indexOf("/api/")));
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String jsonHref = browser.findElement(By.id("report-json")).getAttribute("href");
        assertThat(new String(download(jsonHref.substring(jsonHref.indexOf("/api/"))).body(),
                java.nio.charset.StandardCharsets.UTF_8)).contains(domain);

        // and from the indicator's page
        open("/console/indicators/" + indicator);
        click(By.linkText("Network Insight: " + domain));
        assertThat(browser.getCurrentUrl()).endsWith("/console/reports/" + id);
    }
}
