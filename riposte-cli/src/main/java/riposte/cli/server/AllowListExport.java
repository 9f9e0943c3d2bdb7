package riposte.cli.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import riposte.cli.ExitCodes;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte allowlist export}: every entry, oldest first, as the lines {@code riposte allowlist add --input}
 * reads ({@code value  reason}); an entry's expiry goes in a comment line before it (the import does not restore
 * it). Moves a list between servers: {@code riposte allowlist export > list.txt}, then on the other server
 * {@code riposte allowlist add --input list.txt --skip-existing}.
 */
@Command(name = "export", header = "Print every allow-list entry as lines that `riposte allowlist add --input` reads.")
final class AllowListExport extends ApiCommand {
    /** The most the API gives per page. */
    private static final int PAGE = 200;

    @Override
    protected int run(ApiClient api) {
        List<JsonNode> entries = all(api);
        Collections.reverse(entries); // the API lists newest first; an import should add them in their order
        if (json) {
            printJson(entries);
            return ExitCodes.OK;
        }
        out().println("# Riposte allow-list: " + entries.size() + " entries, exported " + Instant.now()
                + "; read back with: riposte allowlist add --input FILE --skip-existing");
        for (JsonNode e : entries) {
            if (!e.path("expiresAt").isNull() && !e.path("expiresAt").isMissingNode()) {
                out().println("# expires " + oneLine(e.path("expiresAt").asString()));
            }
            out().println(oneLine(e.path("value").asString()) + "  " + oneLine(e.path("reason").asString()));
        }
        out().flush();
        return ExitCodes.OK;
    }

    /** Every entry, page by page (newest first, as the API lists them). */
    static List<JsonNode> all(ApiClient api) {
        List<JsonNode> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get("allowlist", Map.of("page", page, "size", PAGE));
            answer.path("items").forEach(entries::add);
            if (answer.path("items").size() < PAGE) return entries;
        }
    }

    /** A reason (or any field) on one line: line breaks and other control characters become spaces. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
