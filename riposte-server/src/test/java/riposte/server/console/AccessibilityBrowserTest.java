package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Labelled form fields, keyboard use and a 1280 px window, on the console's pages (part A). */
class AccessibilityBrowserTest extends ConsoleBrowserTest {
    /** Every visible form field without a label (label[for], a wrapping label, aria-label or aria-labelledby). */
    private static final String UNLABELLED = """
            return Array.from(document.querySelectorAll('input, select, textarea'))
              .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
              .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]'))
                        && !e.closest('label') && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.outerHTML.substring(0, 120));""";

    private long indicator;

    @BeforeAll
    void logIn() {
        indicator = post("/api/v1/indicators", Map.of("value", unique("a11y") + ".example.com")).get("id").asLong();
        loginAsAdmin();
    }

    @Test
    void everyFormFieldIsLabelledAndNoPageScrollsSidewaysAt1280() {
        for (String page : List.of("/console", "/console/indicators", "/console/indicators/" + indicator,
                "/console/runs", "/console/reports", "/console/settings/users", "/console/settings/tokens",
                "/console/settings/credentials", "/console/settings/attributes", "/console/settings/enrichment",
                "/console/audit", "/console/account")) {
            open(page);
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            if (page.equals("/console/indicators")) click(By.cssSelector("#add-panel summary"));
            var js = (JavascriptExecutor) browser;
            assertThat((List<?>) js.executeScript(UNLABELLED)).as("unlabelled fields on %s", page).isEmpty();
            long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
            long clientWidth = (Long) js.executeScript("return document.documentElement.clientWidth");
            assertThat(scrollWidth).as("page width of %s at 1280 px", page).isLessThanOrEqualTo(clientWidth);
        }
    }

    @Test
    void theKeyboardReachesTheContentAndAddsAnIndicator() {
        open("/console/indicators");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to content");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");

        // open "Add indicators" and fill it in with the keyboard only
        WebElement summary = browser.findElement(By.cssSelector("#add-panel summary"));
        summary.sendKeys(Keys.ENTER);
        String domain = unique("keyboard") + ".example.org";
        browser.findElement(By.id("paste-text")).sendKeys(domain);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("paste-tags");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("paste-submit");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(text(By.id("paste-added"))).contains(domain);
    }
}
