package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte incident list}: one page of incidents, newest first. */
@Command(name = "list", header = "List incidents, newest first, one page at a time.")
final class IncidentList extends ApiCommand {
    @Option(names = "--status", paramLabel = "S", description = "Only this status: ${COMPLETION-CANDIDATES}.")
    IncidentStatus status;

    @Option(names = "--severity", paramLabel = "S", description = "Only this severity: ${COMPLETION-CANDIDATES}.")
    Severity severity;

    @Option(names = "--owner", paramLabel = "O", description = "Only incidents owned by this user.")
    String owner;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Incidents per page (default: the server's, 20; at most 200).")
    Integer size;

    @Override
    protected int run(ApiClient api) {
        Paging.check(page, size);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("severity", severity);
        query.put("owner", owner);
        query.put("sort", "-createdAt");
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = api.get("incidents", query);
        if (json) {
            printJson(answer);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("ID", 6).column("SEVERITY", 8).column("STATUS", 11).column("OWNER", 12)
                .column("ARTIFACTS", 9).column("UPDATED", 20).column("NAME", 0).header();
        for (Views.Incident i : Views.items(answer, Views.Incident.class)) {
            table.row(i.id(), i.severity(), i.status(), Views.orEmpty(i.owner()), i.artifactCount(),
                    Views.time(i.updatedAt()), i.name());
        }
        Paging.footer(out(), Views.Page.of(answer), "incidents");
        return ExitCodes.OK;
    }
}
