package riposte.server.console.incident;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import riposte.server.datatable.Column;
import riposte.server.datatable.DefinitionView;
import riposte.server.datatable.RowView;
import riposte.server.system.PageResponse;

/**
 * One data table of an incident as the console draws it: a page of rows with their cells formatted for display, and
 * the URLs that page, sort, filter, export and poll it with the same state. Cell text is plain text; the template
 * escapes it ({@code th:text}).
 *
 * @param sort the current sort ({@code column} or {@code -column}), or null
 * @param filters the active filters, each {@code column:op:value} as the row API takes them
 * @param stamp the row stamp token this page was rendered at (the live-update poll sends it back)
 * @param error a message about the last filter or sort the user asked for, or null
 */
record TableView(long incidentId, DefinitionView table, PageResponse<RowView> page, String sort, List<String> filters,
        String stamp, String error) {

    /** One row: its database id and the display text of each column, in column order. */
    record Line(long id, List<String> cells) {}

    /** A filter the user set, shown as a removable chip. */
    record ActiveFilter(String label, String removeUrl) {}

    public List<Column> columns() {
        return table.columns();
    }

    public List<Line> lines() {
        var lines = new ArrayList<Line>(page.items().size());
        for (RowView row : page.items()) {
            var cells = new ArrayList<String>(table.columns().size());
            for (Column c : table.columns()) cells.add(text(c, row.cells().get(c.name())));
            lines.add(new Line(row.id(), cells));
        }
        return lines;
    }

    /** Datetimes (stored as ISO-8601 UTC) read as {@code 2024-05-01 10:15:30Z}, to the second. */
    static String text(Column column, Object value) {
        if (value instanceof String s && "datetime".equals(column.type())) {
            try {
                return DATETIME.format(java.time.Instant.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                return s;
            }
        }
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Boolean b -> b ? "yes" : "no";
            default -> value.toString();
        };
    }

    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The CSS class of a column's cells: numbers line up on the right, datetimes do not wrap. */
    public String cellClass(Column c) {
        return switch (c.type()) {
            case "number" -> "num";
            case "datetime" -> "time";
            default -> "break";
        };
    }

    /** True for columns whose values line up on the right. */
    public boolean numeric(Column c) {
        return "number".equals(c.type());
    }

    /** The id used for the table's section and its headings. */
    public String domId() {
        return "table-" + table.name();
    }

    public String base() {
        return "/console/incidents/" + incidentId + "/tables/" + table.name();
    }

    private Query state(String sortValue, List<String> filterValues, int pageNumber) {
        var q = new Query(base());
        q.add("sort", sortValue);
        for (String f : filterValues) q.add("filter", f);
        if (pageNumber > 0) q.add("page", Integer.toString(pageNumber));
        return q;
    }

    private static String encoded(Query q) {
        return q.toString();
    }

    public String pageUrl(int pageNumber) {
        return encoded(state(sort, filters, pageNumber));
    }

    /** Sorting by a column: ascending first, descending when it is already sorted ascending; back to page 0. */
    public String sortUrl(Column c) {
        return encoded(state(c.name().equals(sort) ? "-" + c.name() : c.name(), filters, 0));
    }

    /** {@code ascending}, {@code descending} or {@code none}, for {@code aria-sort}. */
    public String ariaSort(Column c) {
        if (c.name().equals(sort)) return "ascending";
        if (("-" + c.name()).equals(sort)) return "descending";
        return "none";
    }

    public List<ActiveFilter> activeFilters() {
        var out = new ArrayList<ActiveFilter>();
        for (int i = 0; i < filters.size(); i++) {
            var rest = new ArrayList<>(filters);
            rest.remove(i);
            out.add(new ActiveFilter(label(filters.get(i)), encoded(state(sort, rest, 0))));
        }
        return out;
    }

    private String label(String filter) {
        String[] parts = filter.split(":", 3);
        if (parts.length < 3) return filter;
        Column c = table.column(parts[0]);
        String op = switch (parts[1]) {
            case "eq" -> "=";
            case "gte" -> "≥";
            case "lte" -> "≤";
            default -> "contains";
        };
        return (c == null ? parts[0] : c.label()) + " " + op + " " + parts[2];
    }

    /** The same page, asking the server to answer 204 unless a row was added, changed or removed since. */
    public String pollUrl() {
        return encoded(state(sort, filters, page.page()).add("since", stamp));
    }

    /** The API's CSV export of every matching row (same filters and sort). */
    public String csvUrl() {
        var q = new Query("/api/v1/incidents/" + incidentId + "/data-tables/" + table.name() + "/csv");
        q.add("sort", sort);
        for (String f : filters) q.add("filter", f);
        return encoded(q);
    }

    public int firstRow() {
        return page.totalItems() == 0 ? 0 : page.page() * page.size() + 1;
    }

    public long lastRow() {
        return Math.min((long) (page.page() + 1) * page.size(), page.totalItems());
    }
}
