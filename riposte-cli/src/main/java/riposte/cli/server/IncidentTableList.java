package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code riposte incident table list ID}: every data table definition with the number of rows it has in the
 * incident. The API lists definitions ({@code GET /data-tables}) and counts rows per table and incident (an unfiltered
 * page's {@code totalItems}, one primary-key read on the server), so this is one request per table.
 */
@Command(name = "list", header = "List the data tables with the number of rows each has in an incident.")
final class IncidentTableList extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Option(names = "--with-rows", description = "Only the tables that have rows in the incident.")
    boolean withRows;

    @Override
    protected int run(ApiClient api) {
        api.get("incidents/" + id); // a missing incident is named before any table is read
        List<ObjectNode> tables = new ArrayList<>();
        for (JsonNode definition : api.get("data-tables")) {
            long rows = api.get("incidents/" + id + "/data-tables/" + definition.path("id").asLong() + "/rows",
                    Map.of("size", 1)).path("totalItems").asLong();
            if (withRows && rows == 0) continue;
            tables.add(((ObjectNode) definition).put("rowCount", rows));
        }
        if (json) {
            printJson(tables);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("ROWS", 7).column("NAME", 30).column("GROUP", 28)
                .column("DISPLAY NAME", 0).header();
        for (ObjectNode t : tables) {
            table.row(t.path("rowCount").asLong(), t.path("name").asString(), t.path("group").asString(""),
                    t.path("displayName").asString(""));
        }
        out().println(tables.size() + " data tables" + (withRows ? " with rows" : "") + " in incident " + id);
        out().flush();
        return ExitCodes.OK;
    }
}
