package riposte.cli.playbook;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.cli.server.ApiClient;
import riposte.cli.server.ApiCommand;
import tools.jackson.databind.JsonNode;

/** {@code riposte playbook list [--on KIND:ID]}: the playbooks, or those for one object with whether they apply. */
@Command(name = "list", header = "List the playbooks; with --on, those for one object and whether each applies now.")
final class PlaybookList extends ApiCommand {
    @Option(names = "--on", paramLabel = "KIND:ID", description = "An object: indicator:ID, artifact:ID, incident:ID or "
            + "row:TABLE:ID (database ids).")
    String on;

    @Override
    protected int run(ApiClient api) {
        if (on == null) return all(api);
        ObjectArgument object = ObjectArgument.parse(on);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("objectKind", object.kind());
        query.put("objectId", object.id());
        query.put("table", object.table());
        JsonNode list = api.get("playbooks", query);
        if (json) {
            printJson(list);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        TextTable table = new TextTable(out).column("PLAYBOOK", 32).column("APPLIES", 8).column("LAST RUN", 12)
                .column("NAME", 0).header();
        for (JsonNode p : list) {
            JsonNode last = p.path("latestRun");
            table.row(Terminal.safe(p.path("playbook").path("id").asString()), p.path("applicable").asBoolean() ? "yes" : "no",
                    last.isMissingNode() || last.isNull() ? "" : last.path("state").asString(),
                    Terminal.safe(p.path("playbook").path("name").asString()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int all(ApiClient api) {
        JsonNode list = api.get("playbooks");
        if (json) {
            printJson(list);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        TextTable table = new TextTable(out).column("PLAYBOOK", 32).column("ON", 10).column("VALID", 6).column("NAME", 0)
                .header();
        int invalid = 0;
        for (JsonNode p : list) {
            boolean valid = p.path("valid").asBoolean();
            table.row(Terminal.safe(p.path("id").asString()), valid ? p.path("objectKind").asString() : "",
                    valid ? "yes" : "NO", Terminal.safe(p.path("name").asString()));
            if (!valid) invalid++;
        }
        for (JsonNode p : list) {
            if (p.path("valid").asBoolean()) continue;
            out.println();
            for (JsonNode problem : p.path("problems")) out.println("  " + Terminal.safe(problem.asString()));
        }
        if (invalid > 0) out.println(invalid + " invalid playbook(s): fix the files above; the others run.");
        out.flush();
        return ExitCodes.OK;
    }
}
