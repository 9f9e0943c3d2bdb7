package riposte.server.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import riposte.server.datatable.Column;
import riposte.server.datatable.DefinitionView;
import riposte.server.datatable.RowView;
import riposte.server.system.PageResponse;

/** The data-table view model: cell text, the URLs that keep the table's state, and the incident tabs by group. */
class TableViewTest {
    private static final Instant T = Instant.parse("2024-05-01T10:15:30.123456Z");

    private static DefinitionView table(long id, String name, String group) {
        return new DefinitionView(id, name, name.toUpperCase(), null, group, List.of(
                new Column("host", "Host", "text", null), new Column("score", "Score", "number", null),
                new Column("seen", "Seen", "datetime", null), new Column("online", "Online", "boolean", null)),
                true, T, T, 0);
    }

    private static TableView view(String sort, List<String> filters) {
        var row = new RowView(7, 1, 1, Map.of("host", "<b>x</b>", "score", new BigDecimal("1000"), "seen",
                "2024-05-01T10:15:30.123456Z", "online", true), T, T, 0);
        return new TableView(1, table(1, "scores", null), new PageResponse<>(List.of(row), 2, 25, 80, 4), sort,
                filters, "3.99", null);
    }

    @Test
    void cellsAreTextNumbersPlainAndTimesToTheSecond() {
        assertThat(view(null, List.of()).lines().getFirst().cells()).containsExactly("<b>x</b>", "1000",
                "2024-05-01 10:15:30Z", "yes");
        assertThat(view(null, List.of()).firstRow()).isEqualTo(51);
        assertThat(view(null, List.of()).lastRow()).isEqualTo(75);
    }

    @Test
    void linksKeepSortAndFiltersAndEncodeEveryValue() {
        TableView v = view("-score", List.of("host:contains:-2+3 & =x", "score:gte:10"));
        String page = v.pageUrl(3);
        var params = UriComponentsBuilder.fromUri(URI.create(page)).build().getQueryParams();
        assertThat(page).startsWith("/console/incidents/1/tables/scores?").doesNotContain("+3").doesNotContain(" ");
        assertThat(params.get("filter")).hasSize(2);
        assertThat(java.net.URLDecoder.decode(params.getFirst("filter"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("host:contains:-2+3 & =x");
        assertThat(params.getFirst("page")).isEqualTo("3");
        assertThat(v.sortUrl(new Column("score", "Score", "number", null))).contains("sort=score").doesNotContain("page=");
        assertThat(v.sortUrl(new Column("host", "Host", "text", null))).contains("sort=host");
        assertThat(v.ariaSort(new Column("score", "Score", "number", null))).isEqualTo("descending");
        assertThat(v.activeFilters()).extracting(TableView.ActiveFilter::label)
                .containsExactly("Host contains -2+3 & =x", "Score ≥ 10");
        assertThat(v.activeFilters().get(0).removeUrl()).contains("filter=score%3Agte%3A10").doesNotContain("host");
        assertThat(v.pollUrl()).contains("since=3.99").contains("page=2");
        assertThat(v.csvUrl()).startsWith("/api/v1/incidents/1/data-tables/scores/csv?sort=-score&filter=");
    }

    @Test
    void tablesShareATabPerGroupAndUngroupedTablesGetTheirOwn() {
        var tabs = IncidentTabs.of(List.of(table(3, "sep_groups", "Symantec SEP - Blacklists"),
                table(1, "sep_eoc", "Symantec SEP - Threats"), table(2, "sep_endpoints", "Symantec SEP - Threats"),
                table(4, "mine", null)));
        assertThat(tabs.tabs()).extracting(IncidentTabs.Tab::label).containsExactly("Summary", "Artifacts", "Notes",
                "Attachments", "Playbook runs", "MINE", "Symantec SEP - Blacklists", "Symantec SEP - Threats");
        assertThat(tabs.find("group:Symantec SEP - Threats").tables()).extracting(DefinitionView::name)
                .containsExactly("sep_eoc", "sep_endpoints");
        assertThat(tabs.find("table:mine").dataTables()).isTrue();
        assertThat(tabs.find("group:gone").key()).as("an unknown tab is the summary").isEqualTo("summary");
    }
}
