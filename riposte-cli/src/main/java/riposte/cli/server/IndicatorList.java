package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import riposte.core.enrichment.Verdict;
import tools.jackson.databind.JsonNode;

/** {@code riposte indicator list}: one page of indicators, newest first. */
@Command(name = "list", header = "List indicators, newest first, one page at a time.")
final class IndicatorList extends ApiCommand {
    @Option(names = "--type", paramLabel = "T", description = "Only this type: sha256, md5, sha1, domain, ipv4, ipv6, url, cve, file_path, hostname, email.")
    String type;

    @Option(names = "--verdict", paramLabel = "V", description = "Only this verdict: ${COMPLETION-CANDIDATES}.")
    Verdict verdict;

    @Option(names = "--tag", paramLabel = "T", description = "Only indicators with this tag.")
    String tag;

    @Option(names = "--page", paramLabel = "N", description = "Page number, from 0 (default 0).")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Indicators per page (default: the server's, 20; at most 200).")
    Integer size;

    @Override
    protected int run(ApiClient api) {
        Paging.check(page, size);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", type == null ? null : IndicatorLookup.typeId(type));
        query.put("verdict", verdict);
        query.put("tag", tag);
        query.put("sort", "-createdAt");
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = api.get("indicators", query);
        if (json) {
            printJson(answer);
            return ExitCodes.OK;
        }
        TextTable table = header(new TextTable(out()));
        for (Views.Indicator i : Views.items(answer, Views.Indicator.class)) row(table, i);
        Paging.footer(out(), Views.Page.of(answer), "indicators");
        return ExitCodes.OK;
    }

    static TextTable header(TextTable table) {
        return table.column("ID", 6).column("TYPE", 9).column("VERDICT", 10).column("CONF", 4).column("TAGS", 24)
                .column("VALUE", 0).header();
    }

    static void row(TextTable table, Views.Indicator i) {
        table.row(i.id(), i.type(), i.verdict(), i.confidence(), i.tags() == null ? "" : String.join(",", i.tags()), i.value());
    }
}
