package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte incident attachment list ID}: one page of the incident's attachments (metadata only). */
@Command(name = "list", header = "List an incident's attachments: id, size, type, SHA-256, who uploaded it, name.")
final class IncidentAttachmentList extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Attachments per page (default: the server's, 20; at most 200).")
    Integer size;

    @Override
    protected int run(ApiClient api) {
        Paging.check(page, size);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = api.get("incidents/" + id + "/attachments", query);
        if (json) {
            printJson(answer);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("ID", 6).column("SIZE", 10).column("TYPE", 24).column("SHA-256", 64)
                .column("BY", 12).column("CREATED", 20).column("NAME", 0).header();
        for (Views.Attachment a : Views.items(answer, Views.Attachment.class)) {
            table.row(a.id(), a.size(), a.contentType(), a.sha256(), Views.orEmpty(a.uploadedBy()), Views.time(a.createdAt()),
                    a.fileName());
        }
        Paging.footer(out(), Views.Page.of(answer), "attachments");
        return ExitCodes.OK;
    }
}
