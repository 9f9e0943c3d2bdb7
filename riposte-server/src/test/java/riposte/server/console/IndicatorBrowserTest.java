package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import riposte.server.indicator.Indicators;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The indicator pages in a browser: adding by paste with per-line errors, search and filters, escaping. */
class IndicatorBrowserTest extends ConsoleBrowserTest {
    private static final String SHA256 = "5f2b4ec3d7a1e8f90b6c4a2d1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c3d5e7f";

    @BeforeAll
    void logIn() {
        loginAsAdmin();
    }

    @Test
    void pastedIndicatorsAreAddedAndBadLinesAreNamed() {
        open("/console/indicators");
        click(By.cssSelector("#add-panel summary"));
        String domain = unique("paste") + ".example.com";
        type(By.id("paste-text"), SHA256.toUpperCase() + "\n" + domain + "\nnot an indicator at all\n\n# a comment\n");
        type(By.id("paste-tags"), "console-test, paste");
        click(By.id("paste-submit"));
        String errors = text(By.id("paste-errors"));
        assertThat(errors).contains("line 3").contains("not an indicator at all");
        assertThat(text(By.id("paste-added"))).contains(SHA256).contains(domain);
        screenshot("indicators-paste");

        // the filters find the new domain by part of its value, and by tag and type
        type(By.id("f-text"), domain.substring(0, 14));
        new Select(browser.findElement(By.id("f-type"))).selectByValue("domain");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("indicator-table"), domain));
        assertThat(browser.findElements(By.cssSelector("#indicator-table tbody tr"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).contains("type=domain");
        new Select(browser.findElement(By.id("f-type"))).selectByValue("sha256");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results"), "No indicators match"));

        open("/console/indicators?tag=paste&type=sha256");
        click(By.linkText(SHA256));
        assertThat(text(By.id("indicator-value"))).isEqualTo(SHA256);
        assertThat(text(By.id("indicator-tags"))).contains("console-test").contains("paste");
    }

    @Test
    void listPagesThroughManyIndicators() {
        String tag = unique("many");
        for (int i = 0; i < 25; i++) {
            post("/api/v1/indicators", Map.of("value", "host" + i + "." + tag + ".example.org", "tags", java.util.List.of(tag)));
        }
        open("/console/indicators?tag=" + tag);
        assertThat(browser.findElements(By.cssSelector("#indicator-table tbody tr"))).hasSize(20);
        assertThat(text(By.cssSelector(".pager"))).contains("page 1 of 2").contains("25 in all");
        click(By.cssSelector(".pager a[rel=next]"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pager"), "page 2 of 2"));
        assertThat(browser.findElements(By.cssSelector("#indicator-table tbody tr"))).hasSize(5);
        screenshot("indicators");
    }

    @Autowired
    Indicators indicators;

    @Test
    void lineageIsDrawnAsATreeAndAssociationsAsAGraph() throws Exception {
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(unique("lineage").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long id = indicators.findOrCreate("test", sha).indicator().id();
        indicators.writeAttribute("test", id, "Symantec ThreatIntel Process Lineage",
                "explorer.exe > winword.exe > powershell.exe, explorer.exe > winword.exe > cmd.exe, services.exe > <b>evil</b>.exe",
                "Symantec Threat Intelligence", java.time.Instant.now());
        String related = unique("rel") + ".example.com";
        indicators.associate("test", id, List.of(related, "203.0.113.9"));

        open("/console/indicators/" + id);
        var boxes = browser.findElements(By.cssSelector("#lineage-tree g.node text")).stream().map(e -> e.getText()).toList();
        assertThat(boxes).containsExactlyInAnyOrder("explorer.exe", "winword.exe", "powershell.exe", "cmd.exe",
                "services.exe", "<b>evil</b>.exe");
        assertThat(browser.findElements(By.cssSelector("#lineage-tree path.edge"))).hasSize(4);
        assertThat(text(By.id("related"))).contains(related).contains("203.0.113.9");
        assertThat(browser.findElements(By.cssSelector("#related-graph circle"))).hasSize(3);
        screenshot("indicator");
        click(By.linkText(related));
        assertThat(text(By.id("indicator-value"))).isEqualTo(related);
        assertThat(text(By.id("related"))).contains(sha);
    }

    @Test
    void threatDataWithAScriptIsShownAsText() {
        String payload = "<script>window.__pwned = 1</script><img src=x id=pwned-img>";
        Reply created = post("/api/v1/indicators", Map.of("value", unique("xss") + ".example.net",
                "tags", java.util.List.of("<b>bold-tag</b>")));
        long id = created.get("id").asLong();
        Reply attribute = put("/api/v1/indicators/" + id + "/attributes", Map.of(
                "name", "Symantec ThreatIntel Reputation", "value", payload, "source", "<i>ses</i>"));
        assertThat(attribute.status()).as("%s", attribute.body()).isBetween(200, 201);
        open("/console/indicators/" + id);
        assertThat(text(By.cssSelector("#attributes .attr-value"))).isEqualTo(payload);
        assertThat(text(By.id("indicator-tags"))).contains("<b>bold-tag</b>");
        assertThat(browser.findElements(By.id("pwned-img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        open("/console/indicators?attributeValue=" + java.net.URLEncoder.encode("<script>", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text(By.id("indicator-table"))).contains("xss-");
    }
}
