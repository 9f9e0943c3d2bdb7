package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.core.allowlist.AllowListEntries;
import riposte.core.allowlist.AllowListEntry;
import riposte.core.allowlist.InvalidAllowListEntryException;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte allowlist add}: entries from arguments (with {@code --reason}) and {@code --input FILE} lines
 * ({@code value  reason}, or the value alone with {@code --reason}). Every entry is checked locally first; if any is
 * refused, nothing is sent and the command exits 2. The server adds them all or none; with {@code --skip-existing}
 * values already listed are left out first (the import of {@code riposte allowlist export}).
 */
@Command(name = "add", header = "Add allow-list entries (admin), all or none; each is checked locally first.")
final class AllowListAdd extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(arity = "0..*", paramLabel = "VALUE", description = "10.0.0.0/8, private, example.com, *.example.com, "
            + "a hash, ...; quoted with its reason ('10.0.0.0/8 office') or with --reason.")
    List<String> values;

    @Option(names = "--input", paramLabel = "FILE", description = "Also read entries from FILE, one per line: the value, "
            + "then its reason (- for standard input; # comments).")
    String input;

    @Option(names = "--reason", paramLabel = "R", description = "The reason of every entry that has none of its own.")
    String reason;

    @Option(names = "--skip-existing", description = "Leave out values already on the allow-list (and repeats) instead"
            + " of refusing them all: for importing a `riposte allowlist export` into a server that has some of them.")
    boolean skipExisting;

    @Override
    protected int run(ApiClient api) {
        List<String> lines = ValueInput.read(values, input);
        List<Map<String, Object>> entries = new ArrayList<>();
        int refused = 0;
        for (String line : lines) {
            try {
                AllowListEntry e = AllowListEntries.parseLine(line, reason);
                entries.add(ApiClient.body("value", e.value(), "reason", e.reason()));
            } catch (InvalidAllowListEntryException e) {
                refused++;
                err().println("riposte: " + Terminal.safe(line) + ": " + e.getMessage());
            }
        }
        if (refused > 0) {
            err().println("riposte: " + refused + " of " + lines.size() + " entries refused; nothing was sent");
            err().flush();
            return ExitCodes.USAGE;
        }
        if (skipExisting) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            AllowListExport.all(api).forEach(e -> listed.add(e.path("value").asString()));
            int before = entries.size();
            entries.removeIf(e -> !listed.add((String) e.get("value")));
            if (before > entries.size()) {
                err().println("riposte: " + (before - entries.size()) + " of " + before
                        + " entries already listed (or repeated): left out");
                err().flush();
            }
            if (entries.isEmpty()) {
                out().println("nothing to add");
                out().flush();
                return ExitCodes.OK;
            }
        }
        JsonNode added = api.post("allowlist", ApiClient.body("entries", entries));
        if (json) {
            printJson(added);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("ID", 6).column("KIND", 16).column("VALUE", 40)
                .column("REASON", 0).header();
        for (JsonNode e : added) {
            table.row(e.path("id").asLong(), e.path("kind").asString(), e.path("value").asString(),
                    e.path("reason").asString());
        }
        out().flush();
        return ExitCodes.OK;
    }
}
