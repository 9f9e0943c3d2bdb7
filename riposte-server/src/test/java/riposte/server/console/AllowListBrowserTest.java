package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The allow-list settings tab: pasting entries with one bad line (the error by line number, the good lines stored),
 * checking a value, and an artifact added afterwards flagged with the entry's reason on the incident page; analysts
 * reading it without the means to change it; viewers kept out.
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

    /** Analysts read the list and check values, as GET /api/v1/allowlist allows them; changes stay with admins. */
    @Test
    void analystsReadTheListAndCheckValuesButCannotChangeIt() {
        String domain = unique("relay") + ".example";
        post("/api/v1/allowlist", Map.of("entries", java.util.List.of(Map.of("value", domain, "reason",
                "our mail relay"))));
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        try {
            click(By.xpath("//header//nav//a[normalize-space()='Settings']"));
            click(By.xpath("//nav[contains(@class,'tabs')]//a[normalize-space()='Allow-list']"));
            waitFor(ExpectedConditions.urlContains("/console/settings/allowlist"));
            assertThat(browser.findElements(By.cssSelector("nav.tabs a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("Auto-enrichment", "Allow-list");
            assertThat(text(By.id("allowlist-readonly"))).contains("Only admins can change it");
            type(By.id("f-q"), domain);
            click(By.cssSelector("#allowlist-filters button[type=submit]"));
            assertThat(text(By.cssSelector("tr[data-entry='" + domain + "']"))).contains("domain", "our mail relay");
            assertThat(browser.findElements(By.cssSelector("tr[data-entry='" + domain + "'] button"))).isEmpty();
            assertThat(browser.findElements(By.id("allowlist-form"))).isEmpty();

            type(By.id("check-value"), domain);
            click(By.id("check-submit"));
            assertThat(text(By.id("check-result"))).contains("allow-listed", domain, "our mail relay");
        } finally {
            loginAsAdmin();
        }
    }

    @Test
    void viewersCannotOpenTheTab() {
        String viewer = newUser("VIEWER");
        login(viewer, PASSWORD);
        try {
            open("/console/settings/allowlist");
            assertThat(text(By.tagName("h1"))).contains("Not allowed (403)");
            assertThat(browser.getPageSource()).doesNotContain("allowlist-table");
        } finally {
            loginAsAdmin();
        }
    }
}
