package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte incident table rows ID TABLE}: one page of the table's rows in the incident, or with {@code --csv}
 * every matching row through the server's CSV export (so the export's formula neutralisation is the server's).
 */
@Command(name = "rows", header = "Show one page of a data table's rows in an incident, or all of them as CSV (--csv).")
final class IncidentTableRows extends ApiCommand {
    /** The widest a column other than the last is shown; --json or --csv for the full values. */
    static final int MAX_WIDTH = 30;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Parameters(index = "1", paramLabel = "TABLE", description = "The table's name (e.g. sep_endpoint_details) or id; see `incident table list`.")
    String table;

    @Option(names = "--filter", paramLabel = "COLUMN:OP:VALUE", description = "Only rows where COLUMN OP VALUE (op: eq, contains, gte, lte); repeatable, all must hold.")
    List<String> filters;

    @Option(names = "--sort", paramLabel = "COLUMN", description = "Order by COLUMN, or -COLUMN for descending (default: the order they were added).")
    String sort;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Rows per page (default: the server's, 20; at most 200).")
    Integer size;

    @Option(names = "--csv", description = "Every matching row as CSV from the server's export (at most 100 000 rows).")
    boolean csv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "With --csv: write to FILE (refuses to overwrite unless --force) instead of standard output.")
    String output;

    @Option(names = "--force", description = "With -o: overwrite FILE if it exists.")
    boolean force;

    @Override
    protected int run(ApiClient api) {
        Paging.check(page, size);
        if (!csv && output != null) throw new CliException(ExitCodes.USAGE, "-o writes the CSV export: add --csv");
        if (csv && (page != null || size != null)) {
            throw new CliException(ExitCodes.USAGE, "--csv exports every matching row: --page and --size are for the table view");
        }
        if (csv && json) throw new CliException(ExitCodes.USAGE, "give one of --csv and --json");
        String rows = "incidents/" + id + "/data-tables/" + table;
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter", filters);
        query.put("sort", sort);
        if (csv) return csv(api, rows + "/csv", query);
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = api.get(rows + "/rows", query);
        if (json) {
            printJson(answer);
            return ExitCodes.OK;
        }
        Views.DataTable definition = as(api.get("data-tables/" + table), Views.DataTable.class);
        print(definition, answer.path("items"));
        Paging.footer(out(), Views.Page.of(answer), "rows of " + Terminal.safe(definition.name()) + " in incident " + id);
        return ExitCodes.OK;
    }

    private int csv(ApiClient api, String path, Map<String, Object> query) {
        Download target = Download.to(output == null ? "-" : output, force);
        out().flush();
        Download.Written written = target.fetch(api, path, query, "text/csv", null);
        if (!target.toStdout()) {
            err().println("Wrote " + written.size() + " bytes of CSV to " + Terminal.safe(written.path()));
            err().flush();
        }
        return ExitCodes.OK;
    }

    /** A column per table column, as wide as its widest value on this page (at most {@link #MAX_WIDTH}). */
    private void print(Views.DataTable definition, JsonNode items) {
        List<Views.Column> columns = definition.columns();
        TextTable text = new TextTable(out()).column("ID", width("ID", items, null));
        for (Views.Column c : columns) text.column(c.name(), width(c.name(), items, c.name()));
        text.header();
        for (JsonNode row : items) {
            Object[] cells = new Object[columns.size() + 1];
            cells[0] = row.path("id").asLong();
            for (int i = 0; i < columns.size(); i++) cells[i + 1] = cell(row.path("cells").path(columns.get(i).name()));
            text.row(cells);
        }
    }

    private static int width(String header, JsonNode items, String column) {
        int w = header.length();
        for (JsonNode row : items) {
            String value = column == null ? row.path("id").asString("") : cell(row.path("cells").path(column));
            w = Math.max(w, Terminal.safe(value).length());
        }
        return Math.min(w, MAX_WIDTH);
    }

    private static String cell(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }
}
