package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Settings as an admin (users, tokens, credentials with write-only secrets, attributes), the audit log, own tokens. */
class SettingsBrowserTest extends ConsoleBrowserTest {

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void anAdminCreatesAUserChangesTheRoleAndFindsItInTheAuditLog() {
        open("/console/settings");
        String name = unique("newbie");
        type(By.id("nu-name"), name);
        new Select(browser.findElement(By.id("nu-role"))).selectByValue("viewer");
        type(By.id("nu-password"), "short");
        click(By.id("nu-create"));
        // the browser refuses a too-short password itself (minlength); the server would too
        assertThat(browser.findElements(By.cssSelector("tr[data-user='" + name + "']"))).isEmpty();
        type(By.id("nu-password"), "a-long-enough-password");
        click(By.id("nu-create"));
        assertThat(text(By.cssSelector(".flash"))).contains("User " + name + " created");
        By row = By.cssSelector("tr[data-user='" + name + "']");
        assertThat(text(row)).contains("viewer").contains("enabled");
        new Select(browser.findElement(By.cssSelector("tr[data-user='" + name + "'] select.role-select")))
                .selectByValue("responder");
        click(By.cssSelector("tr[data-user='" + name + "'] button"));
        assertThat(text(By.cssSelector(".flash"))).contains("saved");
        assertThat(new Select(browser.findElement(By.cssSelector("tr[data-user='" + name + "'] select.role-select")))
                .getFirstSelectedOption().getText()).isEqualTo("responder");
        screenshot("settings-users");

        open("/console/audit?objectType=user");
        assertThat(text(By.cssSelector("#audit-table tbody tr"))).contains("admin update user");
        click(By.cssSelector("#audit-table tbody tr details summary"));
        assertThat(text(By.cssSelector("#audit-table tbody tr details"))).contains(name).contains("RESPONDER");
        screenshot("audit");
    }

    @Test
    void credentialSecretsAreWriteOnly() {
        open("/console/settings/credentials");
        String name = unique("sepm-prod");
        type(By.id("nc-name"), name);
        new Select(browser.findElement(By.id("nc-kind"))).selectByValue("SEPM");
        type(By.id("nc-url"), "https://sepm.example.com:8446");
        type(By.id("nc-user"), "riposte");
        type(By.id("nc-secret"), "s3cr3t-never-shown");
        click(By.id("nc-create"));
        assertThat(text(By.cssSelector(".flash"))).contains(name).contains("never shown again");
        assertThat(browser.findElement(By.id("nc-secret")).getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("s3cr3t-never-shown");
        screenshot("settings-credentials");
    }

    @Test
    void aUserCreatesTheirOwnTokenSeesItOnceAndRevokesIt() {
        String viewer = newUser("VIEWER");
        login(viewer, PASSWORD);
        click(By.cssSelector("details.user-menu summary"));
        click(By.linkText("My API tokens"));
        type(By.id("nt-name"), "laptop cli");
        click(By.id("nt-create"));
        String token = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("token-value"))).getAttribute("value");
        assertThat(token).startsWith("rip_");
        assertThat(sendAs(token, "GET", "/api/v1/me", null).status()).isEqualTo(200);
        open("/console/account");
        assertThat(browser.getPageSource()).doesNotContain(token);
        click(By.cssSelector("#token-table button"));
        browser.switchTo().alert().accept();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "revoked"));
        assertThat(sendAs(token, "GET", "/api/v1/me", null).status()).isEqualTo(401);
        loginAsAdmin();
    }

    @Test
    void attributeDefinitionsAndAutoEnrichmentAreListed() {
        open("/console/settings/attributes");
        assertThat(text(By.id("attribute-table"))).contains("Symantec ThreatIntel Reputation");
        assertThat(browser.findElement(By.id("export-attributes")).getAttribute("href"))
                .endsWith("/api/v1/attribute-definitions/export");
        open("/console/settings/enrichment");
        assertThat(text(By.id("rule-table"))).contains("File Insight");
    }
}
