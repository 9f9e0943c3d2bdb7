package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * The auto-enrichment rules tab in a browser: an admin turns auto-enrichment on, switches SHA-256 (file) indicators
 * off with the keyboard and saves; a new file indicator is not enriched while a new domain is; the save is in the
 * audit log; the admin switches files back on. Analysts reach the rules from the top bar's Settings and see them
 * read-only; viewers get no link. Whether a rule started a run is
 * read once the test playbook {@code test-rule} (rule on tag {@code auto-note}, no source) has run on the indicator:
 * the built-in rules are decided before it, in the same pass.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:riposte-console-auto-enrichment;DB_CLOSE_DELAY=-1")
class AutoEnrichmentSettingsBrowserTest extends ConsoleBrowserTest {

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void anAdminSwitchesFileAutoEnrichmentOffAndBackOn() {
        open("/console/settings/enrichment");
        assertThat(text(By.id("auto-origin"))).contains("From the configuration");
        // the configuration of the tests has auto-enrichment off: turn it on, and SHA-256 off, from the keyboard
        WebElement enabled = browser.findElement(By.id("ae-enabled"));
        assertThat(enabled.isSelected()).isFalse();
        enabled.sendKeys(Keys.SPACE);
        WebElement sha256 = browser.findElement(By.id("ae-type-sha256"));
        assertThat(sha256.isSelected()).isTrue();
        sha256.sendKeys(Keys.SPACE);
        assertThat(sha256.isSelected()).isFalse();
        click(By.id("ae-save"));
        assertThat(text(By.cssSelector(".flash"))).contains("Auto-enrichment rules saved");
        assertThat(text(By.id("auto-origin"))).contains("Saved by admin");
        assertThat(browser.findElement(By.id("ae-enabled")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("ae-type-sha256")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("ae-type-domain")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("ae-type-sha256")).findElement(By.xpath(".."))
                .getText()).contains("SHA-256").contains("changed");
        screenshot("settings-enrichment");

        String file = Simulators.ses().population().maliciousFile(5151).value();
        String domain = Simulators.ses().population().maliciousDomains(40).get(37).value();
        paste(file + "\n" + domain);
        long fileId = indicatorId(file);
        long domainId = indicatorId(domain);
        awaitRun("test-rule", fileId);
        assertThat(runs("ses-file-insight", fileId)).as("file auto-enrichment is off").isZero();
        open("/console/indicators/" + fileId);
        assertThat(text(By.cssSelector("#playbook-actions-table tr[data-playbook='ses-file-insight']")))
                .contains("not run");
        // the domain is still enriched: its Symantec attributes appear by themselves
        waitFor(d -> {
            open("/console/indicators/" + domainId);
            return d.findElement(By.id("attributes")).getText().contains("Symantec ThreatIntel Reputation");
        });

        open("/console/audit?objectType=setting");
        assertThat(text(By.cssSelector("#audit-table tbody tr"))).contains("admin").contains("update")
                .contains("setting").contains("auto-enrichment");
        click(By.cssSelector("#audit-table tbody tr details summary"));
        assertThat(text(By.cssSelector("#audit-table tbody tr details"))).contains("sha256");

        open("/console/settings/enrichment");
        browser.findElement(By.id("ae-type-sha256")).sendKeys(Keys.SPACE);
        click(By.id("ae-save"));
        assertThat(text(By.cssSelector(".flash"))).contains("Auto-enrichment rules saved");
        assertThat(browser.findElement(By.id("ae-type-sha256")).isSelected()).isTrue();
        String another = Simulators.ses().population().maliciousFile(5152).value();
        paste(another);
        long anotherId = indicatorId(another);
        awaitRun("test-rule", anotherId);
        assertThat(runs("ses-file-insight", anotherId)).as("file auto-enrichment is on again").isEqualTo(1);

        // and back to the configuration's rules
        open("/console/settings/enrichment");
        click(By.id("ae-reset"));
        browser.switchTo().alert().accept();
        assertThat(text(By.cssSelector(".flash"))).contains("reset to the configuration");
        assertThat(text(By.id("auto-origin"))).contains("From the configuration").contains("admin reset them");
        assertThat(browser.findElement(By.id("ae-enabled")).isSelected()).isFalse();
    }

    @Test
    void analystsFollowTheSettingsLinkToTheRulesReadOnly() {
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        try {
            // from the start page, as an analyst finds it: the top bar's Settings leads to the rules, a tab they may read
            click(By.xpath("//header//nav//a[normalize-space()='Settings']"));
            waitFor(ExpectedConditions.urlContains("/console/settings/enrichment"));
            assertThat(browser.findElement(By.xpath("//header//nav//a[normalize-space()='Settings']"))
                    .getAttribute("aria-current")).isEqualTo("page");
            assertThat(browser.findElements(By.cssSelector("nav.tabs a")).stream().map(WebElement::getText).toList())
                    .containsExactly("Auto-enrichment", "Allow-list"); // the two tabs analysts may read
            assertThat(text(By.id("auto-origin"))).contains("Only admins can change them");
            assertThat(text(By.id("auto-types"))).contains("SHA-256");
            assertThat(browser.findElement(By.id("ae-type-sha256")).isEnabled()).isFalse();
            assertThat(browser.findElement(By.id("ae-enabled")).isEnabled()).isFalse();
            assertThat(browser.findElements(By.id("ae-save"))).isEmpty();
            assertThat(browser.findElements(By.id("ae-reset"))).isEmpty();
            assertThat(browser.findElements(By.xpath("//header//nav//a[normalize-space()='Audit']"))).isEmpty();
        } finally {
            loginAsAdmin();
        }
    }

    /** Viewers may not read the rules through the API either (AuthorizationMatrixContract: GET is for analysts). */
    @Test
    void viewersGetNoSettingsLink() {
        String viewer = newUser("VIEWER");
        login(viewer, PASSWORD);
        try {
            assertThat(browser.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList())
                    .contains("Start", "Incidents").doesNotContain("Settings", "Audit");
            open("/console/settings/enrichment");
            assertThat(text(By.tagName("h1"))).contains("Not allowed (403)");
        } finally {
            loginAsAdmin();
        }
    }

    /** Adds indicators through the paste form, tagged for test-rule. */
    private void paste(String lines) {
        open("/console/indicators");
        click(By.cssSelector("#add-panel summary"));
        type(By.id("paste-text"), lines);
        type(By.id("paste-tags"), "auto-note");
        click(By.id("paste-submit"));
        text(By.id("paste-added"));
    }

    private long indicatorId(String value) {
        var items = get("/api/v1/indicators?text=" + value).get("items");
        assertThat(items.size()).as("indicator %s", value).isEqualTo(1);
        return items.get(0).get("id").asLong();
    }

    private long runs(String playbook, long indicator) {
        return get("/api/v1/runs?playbook=" + playbook + "&objectKind=indicator&objectId=" + indicator)
                .get("totalItems").asLong();
    }

    private void awaitRun(String playbook, long indicator) {
        LongSupplier count = () -> runs(playbook, indicator);
        waitFor(d -> count.getAsLong() == 1);
    }
}
