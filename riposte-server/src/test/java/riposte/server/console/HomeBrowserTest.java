package riposte.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The start page: newest incidents, malicious indicators and the activity chart. */
class HomeBrowserTest extends ConsoleBrowserTest {

    @Test
    void theStartPageShowsWhatNeedsAttention() {
        String incident = unique("<i>Ransomware</i> on FIN-LAPTOP");
        long incidentId = post("/api/v1/incidents", Map.of("name", incident, "severity", "HIGH")).get("id").asLong();
        String domain = unique("c2") + ".example.com";
        post("/api/v1/indicators", Map.of("value", domain, "verdict", "malicious"));
        post("/api/v1/indicators", Map.of("value", unique("cdn") + ".example.com", "verdict", "benign"));

        loginAsAdmin();
        assertThat(text(By.id("newest-incidents"))).contains(incident);
        assertThat(text(By.id("malicious-indicators"))).contains(domain);
        assertThat(browser.findElements(By.cssSelector("#activity-chart rect.bar-incidents"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#activity-chart rect.bar-malicious"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#activity-chart rect.bar-benign"))).isNotEmpty();
        screenshot("start");
        click(By.linkText(incident));
        assertThat(browser.getCurrentUrl()).contains("/console/incidents/" + incidentId);
    }
}
