package riposte.server.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import riposte.server.console.ConsoleBrowserTest;

/**
 * The incident pages in headless Chromium: creating an incident, its tabs and forms, a 1 000-row data table paged,
 * sorted and filtered on the server (and a row added meanwhile appearing by itself), and attacker-controlled values
 * rendered as text.
 */
class IncidentConsoleBrowserTest extends ConsoleBrowserTest {

    private long incident(String name) {
        var reply = post("/api/v1/incidents", Map.of("name", name, "severity", "HIGH", "owner", "alice"));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.get("id").asLong();
    }

    private void addRow(long incident, String table, Map<String, Object> cells) {
        var reply = post("/api/v1/incidents/" + incident + "/data-tables/" + table + "/rows", Map.of("cells", cells));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void tab(String key) {
        click(By.cssSelector("a[data-tab='" + key + "']"));
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector("a[data-tab='" + key + "']"), "aria-selected", "true"));
    }

    @Test
    void anAnalystCreatesAnIncidentAndWorksItsTabs() throws Exception {
        String analyst = newUser("ANALYST");
        login(analyst, PASSWORD);
        String name = unique("Emotet on FIN-LAPTOP-7");
        open("/console/incidents");
        click(By.cssSelector("#new-incident summary"));
        type(By.id("new-name"), name);
        new Select(browser.findElement(By.id("new-severity"))).selectByValue("HIGH");
        type(By.id("new-type"), "Malware");
        click(By.id("create"));
        waitFor(ExpectedConditions.urlMatches("/console/incidents/\\d+$"));
        assertThat(text(By.id("incident-name"))).isEqualTo(name);
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));

        // summary: saved at the version read; a concurrent change wins and nothing is written
        new Select(browser.findElement(By.id("incident-status-field"))).selectByValue("IN_PROGRESS");
        click(By.id("save-summary"));
        assertThat(text(By.id("notice"))).isEqualTo("Saved.");
        assertThat(get("/api/v1/incidents/" + id).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(patch("/api/v1/incidents/" + id, Map.of("owner", "someone-else", "version", 1)).status()).isEqualTo(200);
        type(By.id("incident-owner-field"), "me-instead");
        click(By.id("save-summary"));
        assertThat(text(By.id("notice-error"))).contains("someone else changed this incident");
        assertThat(browser.findElement(By.id("incident-owner-field")).getAttribute("value")).isEqualTo("someone-else");

        // artifacts: typed by the parser (defanged URL accepted), a wrong value refused naming the field
        tab("artifacts");
        type(By.id("artifact-value"), "hxxp://evil[.]example/payload");
        type(By.id("artifact-description"), "from the phishing mail");
        click(By.id("add-artifact"));
        assertThat(text(By.id("notice"))).startsWith("Artifact added: url");
        new Select(browser.findElement(By.id("artifact-type"))).selectByValue("sha256");
        type(By.id("artifact-value"), "not-a-hash");
        click(By.id("add-artifact"));
        assertThat(text(By.id("notice-error"))).startsWith("Artifact not added: value:");
        assertThat(browser.findElements(By.cssSelector("#artifacts tbody tr"))).hasSize(1);

        // notes and attachments
        tab("notes");
        type(By.id("note-body"), "Isolated the host.\nWaiting for the EOC scan.");
        click(By.id("add-note"));
        assertThat(text(By.cssSelector("#notes .note-body"))).isEqualTo("Isolated the host.\nWaiting for the EOC scan.");
        tab("attachments");
        Path file = Files.createTempFile("evidence-", ".txt");
        Files.writeString(file, "process list\n");
        browser.findElement(By.id("attachment-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("upload"));
        assertThat(text(By.id("notice"))).startsWith("Attached evidence-");
        WebElement link = browser.findElement(By.cssSelector("#attachments tbody a"));
        assertThat(link.getAttribute("href")).matches(".*/api/v1/incidents/" + id + "/attachments/\\d+/content");
        var download = download(link.getAttribute("href").replaceFirst("^https?://[^/]+", ""));
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("process list\n");

        // a file over the server's limit (1MB in tests) is refused before it is sent
        Path big = Files.createTempFile("too-big-", ".bin");
        Files.write(big, new byte[2 * 1024 * 1024]);
        browser.findElement(By.id("attachment-file")).sendKeys(big.toAbsolutePath().toString());
        click(By.id("upload"));
        assertThat(text(By.cssSelector("#attachment-form .upload-error"))).contains("at most 1048576 bytes");
        assertThat(get("/api/v1/incidents/" + id + "/attachments").get("totalItems").asLong()).isEqualTo(1);

        // the tabs from the keyboard: arrow to the next tab, Enter opens it and keeps the focus there
        browser.findElement(By.cssSelector("a[data-tab='attachments']")).sendKeys(Keys.ARROW_LEFT);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector("a[data-tab='notes']"), "aria-selected", "true"));
        waitFor(d -> "notes".equals(d.switchTo().activeElement().getAttribute("data-tab")));

        open("/console/incidents?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(browser.findElements(By.cssSelector("#incidents tbody tr"))).hasSize(1);
        click(By.xpath("//table[@id='incidents']//th/a[normalize-space()='Severity']"));
        waitFor(ExpectedConditions.urlContains("sort=severity"));
        assertThat(browser.findElement(By.cssSelector("#incidents th[aria-sort=ascending]")).getText()).isEqualTo("SEVERITY");
        open("/console/incidents/" + id + "?tab=artifacts");
        screenshot("incident-artifacts");
    }

    @Test
    void aViewerReadsEveryTabButGetsNoForms() {
        long id = incident(unique("read only"));
        assertThat(post("/api/v1/incidents/" + id + "/notes", Map.of("body", "seen")).status()).isEqualTo(201);
        login(newUser("VIEWER"), PASSWORD);
        open("/console/incidents");
        assertThat(browser.findElements(By.id("new-incident"))).isEmpty();
        open("/console/incidents/" + id);
        assertThat(browser.findElement(By.id("incident-name-field")).isEnabled()).isFalse();
        assertThat(browser.findElements(By.id("save-summary"))).isEmpty();
        tab("notes");
        assertThat(text(By.cssSelector("#notes .note-body"))).isEqualTo("seen");
        assertThat(browser.findElements(By.id("note-form"))).isEmpty();
        tab("artifacts");
        assertThat(browser.findElements(By.id("artifact-form"))).isEmpty();
        tab("attachments");
        assertThat(browser.findElements(By.id("attachment-form"))).isEmpty();
    }

    @Test
    void attackerControlledValuesRenderAsText() {
        long id = incident(unique("<img src=x id=injected-name>"));
        String payload = "<script>window.pwned = 1</script><b id=injected-bold>bold</b>";
        assertThat(post("/api/v1/incidents/" + id + "/artifacts", Map.of("value", "evil.example.com",
                "description", payload)).status()).isEqualTo(201);
        addRow(id, "sep_eoc_scan_results", Map.of("computer_name", payload, "file_path", "=HYPERLINK(\"x\")"));
        loginAsAdmin();
        open("/console/incidents/" + id + "?tab=artifacts");
        assertThat(text(By.cssSelector("#artifacts .artifact-description"))).isEqualTo(payload);
        assertThat(text(By.id("incident-name"))).startsWith("<img src=x");
        open("/console/incidents/" + id + "?tab=" + URLEncoder.encode("group:Symantec SEP - Threats", StandardCharsets.UTF_8));
        assertThat(text(By.cssSelector("#table-sep_eoc_scan_results tbody tr"))).contains(payload);
        assertThat(browser.findElements(By.id("injected-bold"))).isEmpty();
        assertThat(browser.findElements(By.id("injected-name"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);

        open("/console/incidents/" + (id + 1_000_000));
        assertThat(text(By.tagName("h1"))).isEqualTo("Not found (404)");
        open("/console/incidents/" + id + "/tables/no_such_table");
        assertThat(text(By.tagName("h1"))).isEqualTo("Not found (404)");
    }

    @Test
    void aThousandRowTablePagesSortsAndFiltersOnTheServerAndShowsNewRowsLive() throws Exception {
        long id = incident(unique("fleet sweep"));
        try (var pool = Executors.newFixedThreadPool(4)) {
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    var cells = new LinkedHashMap<String, Object>();
                    cells.put("computer_name", "HOST-%04d".formatted(n));
                    cells.put("online", n % 2 == 0);
                    cells.put("definitions_date", "2024-05-01T10:%02d:00Z".formatted(n % 60));
                    cells.put("endpoint_quarantine_status", n % 10 == 0 ? "Quarantined" : "Un-Quarantined");
                    addRow(id, "sep_endpoint_details", cells);
                }));
            }
            for (var f : done) f.get();
        }
        loginAsAdmin();
        open("/console/incidents/" + id);
        tab("group:Symantec SEP - Threats");
        String table = "#table-sep_endpoint_details";
        By count = By.cssSelector(table + " .row-count");
        assertThat(text(count)).isEqualTo("1–25 of 1000 rows");
        assertThat(browser.findElements(By.cssSelector(table + " tbody tr"))).hasSize(25);

        click(By.cssSelector(table + " a.next"));
        waitFor(ExpectedConditions.textToBe(count, "26–50 of 1000 rows"));

        click(By.cssSelector(table + " th a[data-column=computer_name]"));
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector(table + " th:nth-child(2)"), "aria-sort", "ascending"));
        assertThat(text(count)).isEqualTo("1–25 of 1000 rows");
        assertThat(text(By.cssSelector(table + " tbody tr:first-child td:nth-child(2)"))).isEqualTo("HOST-0000");
        click(By.cssSelector(table + " th a[data-column=computer_name]"));
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector(table + " th:nth-child(2)"), "aria-sort", "descending"));
        assertThat(text(By.cssSelector(table + " tbody tr:first-child td:nth-child(2)"))).isEqualTo("HOST-0999");

        new Select(browser.findElement(By.id("table-sep_endpoint_details-column"))).selectByValue("computer_name");
        new Select(browser.findElement(By.id("table-sep_endpoint_details-op"))).selectByValue("contains");
        type(By.id("table-sep_endpoint_details-value"), "host-09");
        click(By.cssSelector(table + " button.filter-add"));
        waitFor(ExpectedConditions.textToBe(count, "1–25 of 100 rows"));
        assertThat(text(By.cssSelector(table + " ul.chips li span"))).isEqualTo("Computer name contains host-09");
        assertThat(text(By.cssSelector(table + " tbody tr:first-child td:nth-child(2)"))).isEqualTo("HOST-0999");
        assertThat(browser.findElement(By.cssSelector(table + " a.csv")).getAttribute("href"))
                .contains("/api/v1/incidents/" + id + "/data-tables/sep_endpoint_details/csv")
                .contains("filter=computer_name%3Acontains%3Ahost-09").contains("sort=-computer_name");
        screenshot("incident-data-table");

        // a row added by someone else (a playbook, the API) appears without a reload
        js("window.notReloaded = true");
        addRow(id, "sep_endpoint_details", Map.of("computer_name", "HOST-09ZZ-LIVE", "online", true));
        waitFor(ExpectedConditions.textToBe(count, "1–25 of 101 rows"));
        assertThat(js("return window.notReloaded")).isEqualTo(true);

        click(By.cssSelector(table + " ul.chips a.remove"));
        waitFor(ExpectedConditions.textToBe(count, "1–25 of 1001 rows"));
    }
}
