package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte allowlist check VALUE...}: whether each value is allow-listed, and by which entry. */
@Command(name = "check", header = "Say whether values are allow-listed, and by which entry and why.")
final class AllowListCheck extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "Any indicator: address, domain, URL, e-mail address, hash (defanged is fine).")
    List<String> values;

    @Override
    protected int run(ApiClient api) {
        List<JsonNode> answers = new ArrayList<>();
        for (String value : values) answers.add(api.get("allowlist/check", Map.of("value", value)));
        if (json) {
            printJson(answers);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(out()).column("LISTED", 6).column("TYPE", 9).column("VALUE", 40)
                .column("ENTRY", 30).column("REASON", 0).header();
        for (JsonNode a : answers) {
            JsonNode entry = a.path("entry");
            boolean listed = a.path("allowListed").asBoolean();
            table.row(listed ? "yes" : "no", a.path("indicatorType").asString(), a.path("indicatorValue").asString(),
                    listed ? entry.path("value").asString() : "", listed ? entry.path("reason").asString() : "");
        }
        out().flush();
        return ExitCodes.OK;
    }
}
