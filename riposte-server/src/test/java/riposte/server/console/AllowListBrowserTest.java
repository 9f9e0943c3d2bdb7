package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The allow-list settings tab: pasting entries with one bad line (the error by line number, the good lines stored),
 * checking a value, and an artifact added afterwards flagged with the entry's reason on the incident page.
 */
class AllowListBrowserTest extends ConsoleBrowserTest {

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void anAdminPastesEntriesChecksAValueAndANewArtifactIsFlaggedWithTheReason() {
        String domain = unique("cdn") + ".example";
        open("/console/settings/allowlist");
        assertThat(browser.findElement(By.cssSelector("nav.tabs a.active")).getText()).isEqualTo("Allow-list");
        type(By.id("allowlist-text"), "*." + domain + "   our CDN <b>&amp;</b>\n*.com\n# a comment\n"
                + domain + "\n");
        type(By.id("allowlist-reason"), "the CDN's apex");
        click(By.id("allowlist-submit"));

        assertThat(text(By.id("allowlist-result"))).contains("2 added", "1 not accepted");
        assertThat(text(By.id("allowlist-errors"))).contains("line 2", "*.com", "public suffix com");
        assertThat(browser.findElement(By.id("allowlist-text")).getAttribute("value")).isEqualTo("*.com");
        assertThat(text(By.cssSelector("tr[data-entry='*." + domain + "']"))).contains("wildcard_domain",
                "our CDN <b>&amp;</b>", "admin"); // escaped: the markup is shown as text
        assertThat(text(By.cssSelector("tr[data-entry='" + domain + "']"))).contains("domain", "the CDN's apex");
        assertThat(get("/api/v1/allowlist?q=" + domain).get("totalItems").asInt()).isEqualTo(2);
        screenshot("settings-allowlist");

        type(By.id("check-value"), "hxxps://static." + domain + "/app.js");
        click(By.id("check-submit"));
        assertThat(text(By.id("check-result"))).contains("allow-listed", "https://static." + domain + "/app.js",
                "*." + domain, "our CDN <b>&amp;</b>");
        type(By.id("check-value"), "8.8.8.8");
        click(By.id("check-submit"));
        assertThat(text(By.id("check-result"))).contains("not allow-listed", "ipv4");

        long incident = post("/api/v1/incidents", Map.of("name", unique("allow-list"), "severity", "LOW"))
                .get("id").asLong();
        open("/console/incidents/" + incident + "?tab=artifacts");
        type(By.id("artifact-value"), "img." + domain);
        click(By.id("add-artifact"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Artifact added"));
        assertThat(text(By.cssSelector("#artifacts tbody tr"))).contains("allow-listed",
                "our CDN <b>&amp;</b> (allow-list entry *." + domain + ")");

        open("/console/settings/allowlist?q=" + domain);
        click(By.cssSelector("tr[data-entry='" + domain + "'] button"));
        browser.switchTo().alert().accept();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Removed " + domain));
        assertThat(get("/api/v1/allowlist?q=" + domain).get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void nonAdminsDoNotSeeTheTab() {
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        open("/console/settings/allowlist");
        assertThat(browser.getPageSource()).doesNotContain("allowlist-form");
        loginAsAdmin();
    }
}
