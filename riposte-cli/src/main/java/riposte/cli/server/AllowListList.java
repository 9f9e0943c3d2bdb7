package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte allowlist list}: one page of entries, newest first. */
@Command(name = "list", header = "List allow-list entries, newest first, one page at a time.")
final class AllowListList extends ApiCommand {
    @Option(names = "--kind", paramLabel = "K", description = "Only this kind: address, private_addresses, domain, "
            + "wildcard_domain, md5, sha1, sha256.")
    String kind;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only entries whose value or reason contains TEXT (any case).")
    String filter;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Entries per page (default: the server's, 20; at most 200).")
    Integer size;

    @Override
    protected int run(ApiClient api) {
        Paging.check(page, size);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("kind", kind);
        query.put("q", filter);
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = api.get("allowlist", query);
        if (json) {
            printJson(answer);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("ID", 6).column("KIND", 16).column("VALUE", 40)
                .column("REASON", 0).header();
        for (JsonNode e : answer.path("items")) {
            table.row(e.path("id").asLong(), e.path("kind").asString(), e.path("value").asString(),
                    e.path("reason").asString());
        }
        Paging.footer(out(), Views.Page.of(answer), "entries");
        return ExitCodes.OK;
    }
}
