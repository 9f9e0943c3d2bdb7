package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * Playbooks from the console against the SES simulator: add a SHA-256, run File Insight from its playbook actions,
 * watch the status live, see the attributes, open the report and its PDF; a run waiting for an approval on the start
 * page, approved from its run page; the run list.
 */
// Its own H2 database: the shared one's other contexts run schedulers too, and they would pick up these runs, and
// the newest SES credential there may be another test's.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:riposte-console-playbooks;DB_CLOSE_DELAY=-1")
class PlaybookBrowserTest extends ConsoleBrowserTest {

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void fileInsightRunsFromThePlaybookActionsAndProducesAttributesAndAReport() {
        String sha256 = Simulators.ses().population().maliciousFile(4242).value();
        open("/console/indicators");
        click(By.cssSelector("#add-panel summary"));
        type(By.id("paste-text"), sha256);
        click(By.id("paste-submit"));
        click(By.linkText(sha256));
        waitFor(ExpectedConditions.textToBe(By.id("indicator-value"), sha256));

        By fileInsight = By.cssSelector("#playbook-actions-table tr[data-playbook='ses-file-insight']");
        assertThat(text(fileInsight)).contains("File Insight").contains("not run");
        screenshot("indicator-playbook-actions");
        click(By.cssSelector("#playbook-actions-table tr[data-playbook='ses-file-insight'] button.run-button"));
        // the status updates by itself (htmx polling) until the run completes, with a link to its report
        waitFor(ExpectedConditions.textToBePresentInElementLocated(fileInsight, "completed"));
        // ... and the attributes reload when it ends
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("attributes"), "Symantec ThreatIntel Reputation"));
        assertThat(text(By.id("attributes"))).contains("Symantec Threat Intelligence");
        screenshot("indicator-enriched");

        click(By.cssSelector("#playbook-actions-table tr[data-playbook='ses-file-insight'] a.report-link"));
        waitFor(ExpectedConditions.urlContains("/console/reports/"));
        assertThat(text(By.id("report-title"))).contains("File Insight");
        assertThat(text(By.id("report-associations"))).contains(sha256);
        browser.switchTo().frame(browser.findElement(By.id("report-body")));
        assertThat(text(By.tagName("body"))).contains(sha256);
        browser.switchTo().defaultContent();
        String pdfHref = browser.findElement(By.id("report-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = download(pdfHref.substring(pdfHref.indexOf("/api/")));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        open("/console/runs?playbook=ses-file-insight");
        assertThat(text(By.id("run-table"))).contains("Symantec Threat Intelligence API - File Insight")
                .contains("completed");
        screenshot("runs");
        click(By.linkText("Symantec Threat Intelligence API - File Insight"));
        assertThat(text(By.id("run-steps"))).contains("insight").contains("attributes").contains("report");
        assertThat(browser.findElement(By.id("run-report")).getText()).contains("File Insight");
        screenshot("run");
    }

    @Test
    void aRunWaitingForApprovalIsOnTheStartPageAndIsApprovedFromItsPage() {
        String value = unique("approve") + ".example.com";
        long indicator = post("/api/v1/indicators", Map.of("value", value)).get("id").asLong();
        open("/console/indicators/" + indicator);
        By row = By.cssSelector("#playbook-actions-table tr[data-playbook='test-approval']");
        click(By.cssSelector("#playbook-actions-table tr[data-playbook='test-approval'] button.run-button"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(row, "waiting"));

        open("/console");
        assertThat(text(By.id("waiting-runs"))).contains("Test - approval").contains("approve");
        click(By.cssSelector("#waiting-runs a"));
        assertThat(text(By.id("approval"))).contains("approve");
        assertThat(text(By.id("approval-message"))).as("the approval step's message, evaluated for this run")
                .isEqualTo("Write the note on " + value + "?");
        screenshot("run-approval");
        type(By.id("decide-comment"), "<script>looks fine</script>");
        click(By.id("approve"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("run-detail"), "completed"));
        assertThat(browser.findElements(By.id("approval"))).isEmpty();
    }

    @Test
    void aRunningRunCanBeCancelled() {
        long indicator = post("/api/v1/indicators", Map.of("value", unique("cancel") + ".example.com"))
                .get("id").asLong();
        Reply started = post("/api/v1/playbooks/test-approval/runs",
                Map.of("object", Map.of("kind", "indicator", "id", Long.toString(indicator))));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        open("/console/runs/" + started.get("id").asString());
        click(By.id("cancel"));
        browser.switchTo().alert().accept();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "cancelled"));
        assertThat(text(By.id("run-detail"))).contains("cancelled");
    }
}
