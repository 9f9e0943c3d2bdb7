package riposte.server.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import riposte.server.console.ConsoleBrowserTest;
import riposte.server.playbook.RecordingPorts;

/**
 * Running playbooks from an incident page in headless Chromium: the action menus of artifacts and rows hold the
 * playbooks whose condition holds for that object (test playbooks {@code test-console-*}), the input form, the live
 * run status, and the incident's runs tab. The playbooks' notes go to {@link RecordingPorts}.
 */
@Import(RecordingPorts.class)
// Its own H2 database: the other test contexts share one, and their schedulers (without these ports) could pick up
// these runs' durable checks.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:riposte-console-playbook-test;DB_CLOSE_DELAY=-1")
class IncidentPlaybookBrowserTest extends ConsoleBrowserTest {
    @Autowired
    RecordingPorts.Recorder recorder;

    private long created(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.get("id").asLong();
    }

    private By menuOf(String row) {
        return By.cssSelector(row + " details.menu-button > summary");
    }

    @Test
    void anArtifactsActionMenuRunsAPlaybookWithItsInputsAndShowsTheRunLive() {
        long id = created(post("/api/v1/incidents", Map.of("name", unique("phishing wave"), "severity", "HIGH")));
        long domain = created(post("/api/v1/incidents/" + id + "/artifacts", Map.of("value", "evil.example.com",
                "description", "link in the mail")));
        long hash = created(post("/api/v1/incidents/" + id + "/artifacts",
                Map.of("value", "a".repeat(64), "description", "attachment")));
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        open("/console/incidents/" + id + "?tab=artifacts");

        // a hash: no playbook of the test set applies
        click(menuOf("tr[data-artifact='" + hash + "']"));
        waitFor(ExpectedConditions.textToBe(By.cssSelector("tr[data-artifact='" + hash + "'] .menu-items p"),
                "No playbook applies."));

        // the domain, opened from the keyboard
        browser.findElement(menuOf("tr[data-artifact='" + domain + "']")).sendKeys(Keys.ENTER);
        By item = By.cssSelector("tr[data-artifact='" + domain + "'] button[data-playbook='test-console-artifact']");
        assertThat(text(item)).contains("Test - console EOC scan for artifact");
        assertThat(browser.findElements(By.cssSelector("tr[data-artifact='" + domain
                + "'] button[data-playbook='test-console-row']"))).isEmpty();
        click(item);
        assertThat(text(By.id("run-form-title"))).isEqualTo("Run Test - console EOC scan for artifact");
        new Select(browser.findElement(By.cssSelector("#run-form select[name='input.scanType']"))).selectByValue("FULL_SCAN");
        type(By.cssSelector("#run-form input[name='input.comment']"), "from the console");
        click(By.id("run-start"));
        waitFor(ExpectedConditions.textToBe(By.id("run-state"), "completed"));
        assertThat(recorder.notes).anySatisfy(n -> {
            assertThat(n.object().id()).isEqualTo(String.valueOf(domain));
            assertThat(n.text()).isEqualTo("scan evil.example.com (FULL_SCAN)");
        });
        assertThat(text(By.cssSelector("#run-status dl.facts"))).contains("evil.example.com");
        screenshot("incident-playbook-run");

        // the menu now shows the last run; the runs tab lists it
        open("/console/incidents/" + id + "?tab=artifacts");
        click(menuOf("tr[data-artifact='" + domain + "']"));
        assertThat(text(item)).contains("last: completed");
        open("/console/incidents/" + id + "?tab=runs");
        assertThat(text(By.cssSelector("#runs-table tbody tr"))).contains("Test - console EOC scan for artifact")
                .contains("completed").contains(analyst);
    }

    @Test
    void aRowsActionMenuFollowsTheRowsValues() {
        long id = created(post("/api/v1/incidents", Map.of("name", unique("quarantine"))));
        String rows = "/api/v1/incidents/" + id + "/data-tables/sep_endpoint_details/rows";
        long open = created(post(rows, Map.of("cells", Map.of("computer_name", "FIN-LAPTOP-7",
                "endpoint_quarantine_status", "Un-Quarantined"))));
        long quarantined = created(post(rows, Map.of("cells", Map.of("computer_name", "FIN-LAPTOP-8",
                "endpoint_quarantine_status", "Quarantined"))));
        loginAsAdmin();
        open("/console/incidents/" + id + "?tab="
                + URLEncoder.encode("group:Symantec SEP - Threats", StandardCharsets.UTF_8));
        String table = "#table-sep_endpoint_details ";
        click(menuOf(table + "tr[data-row='" + quarantined + "']"));
        waitFor(ExpectedConditions.textToBe(By.cssSelector(table + "tr[data-row='" + quarantined + "'] .menu-items p"),
                "No playbook applies."));
        click(menuOf(table + "tr[data-row='" + open + "']"));
        waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(table + "tr[data-row='" + open + "'] button[data-playbook='test-console-row']")));
        screenshot("incident-row-actions");
        click(By.cssSelector(table + "tr[data-row='" + open + "'] button[data-playbook='test-console-row']"));
        assertThat(text(By.cssSelector("#run-form p.muted"))).isEqualTo("This playbook asks for no inputs.");
        click(By.id("run-start"));
        waitFor(ExpectedConditions.textToBe(By.id("run-state"), "completed"));
        assertThat(recorder.notes).anySatisfy(n -> assertThat(n.text()).isEqualTo("quarantine FIN-LAPTOP-7"));
    }

    @Test
    void aRunWaitingForApprovalShowsWhatItWillTouchAndLinksToTheDecision() {
        long id = created(post("/api/v1/incidents", Map.of("name", unique("blacklist"))));
        String name = "<b id='injected'>lockdown</b>";
        long row = created(post("/api/v1/incidents/" + id + "/data-tables/sep_fingerprint_lists/rows",
                Map.of("cells", Map.of("fingerprint_list_name", name))));
        loginAsAdmin();
        open("/console/incidents/" + id + "?tab="
                + URLEncoder.encode("group:Symantec SEP - Blacklists", StandardCharsets.UTF_8));
        String table = "#table-sep_fingerprint_lists tr[data-row='" + row + "'] ";
        click(menuOf(table));
        click(By.cssSelector(table + "button[data-playbook='test-console-approval']"));
        click(By.id("run-start"));
        waitFor(ExpectedConditions.textToBe(By.id("run-state"), "waiting"));
        assertThat(text(By.id("run-approval-message"))).isEqualTo("Delete fingerprint list " + name + "?");
        assertThat(browser.findElements(By.id("injected"))).as("the name is shown as text").isEmpty();
        click(By.id("run-decide"));
        assertThat(text(By.id("approval-message"))).isEqualTo("Delete fingerprint list " + name + "?");
        type(By.id("decide-comment"), "only this one");
        click(By.id("reject"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("run-detail"), "failed"));
        assertThat(text(By.id("run-failure"))).contains("rejected by").contains("only this one");
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
    }
}
