package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Logging in and out, the navigation by role, the 403 page, and the headers every console page carries. */
class ConsoleLoginBrowserTest extends ConsoleBrowserTest {

    @Test
    void adminLogsInSeesTheWholeNavigationAndLogsOut() {
        forgetSession();
        open("/console/indicators");
        waitFor(ExpectedConditions.urlContains("/login"));
        screenshot("login");
        loginAsAdmin();
        assertThat(browser.findElements(By.cssSelector("header nav a")).stream().map(e -> e.getText()).toList())
                .containsExactly("Start", "Indicators", "Incidents", "Runs", "Reports", "Settings", "Audit");
        assertThat(browser.getTitle()).contains("Riposte");
        click(By.cssSelector("details.user-menu summary"));
        click(By.id("logout"));
        waitFor(ExpectedConditions.urlContains("/login?logout"));
        assertThat(text(By.cssSelector("main .flash"))).contains("logged out");
        open("/console");
        waitFor(ExpectedConditions.urlContains("/login"));
    }

    /** The session cookie cannot be read by a script nor sent by another site's form posts (issue 16 item 14). */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        forgetSession();
        loginAsAdmin();
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("RIPOSTE_SESSION");
        assertThat(session).as("cookies: %s", browser.manage().getCookies()).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        forgetSession();
        open("/login");
        type(By.id("username"), "admin");
        type(By.id("password"), "not-the-password");
        click(By.id("login"));
        waitFor(ExpectedConditions.urlContains("/login?error"));
        assertThat(text(By.cssSelector("main .flash.error"))).contains("wrong");
        assertThat(browser.findElements(By.id("user-name"))).isEmpty();
    }

    @Test
    void aNonAdminCannotOpenTheAdminSettingsNorTheAuditLog() {
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        // their Settings link leads to the auto-enrichment rules, read-only (AutoEnrichmentSettingsBrowserTest)
        assertThat(browser.findElements(By.cssSelector("header nav a")).stream().map(e -> e.getText()).toList())
                .contains("Settings").doesNotContain("Audit");
        assertThat(text(By.cssSelector(".user-menu .role"))).isEqualTo("analyst");
        open("/console/settings");
        assertThat(text(By.tagName("h1"))).contains("Not allowed (403)");
        screenshot("forbidden");
        open("/console/audit");
        assertThat(text(By.tagName("h1"))).contains("Not allowed (403)");
    }

    @Test
    void consolePagesForbidInlineScriptsAndServeHtmxThemselves() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/login"))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // framing and MIME sniffing refused on console pages (Spring Security's defaults, kept: issue 16 item 14)
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValueSatisfying(v -> assertThat(v).isIn("DENY",
                "SAMEORIGIN"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.body()).contains("/webjars/htmx.org/").doesNotContain("https://");
        HttpResponse<String> htmx = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/webjars/htmx.org/2.0.8/dist/htmx.min.js"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }
}
