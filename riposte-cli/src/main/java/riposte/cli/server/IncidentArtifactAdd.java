package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte incident artifact add ID VALUE...}: the server parses and normalises each value (defanged input
 * accepted). A value it refuses is reported with the server's reason and the others are still added; the command
 * then exits 2.
 */
@Command(name = "add", header = "Add artifacts to an incident; the server types and normalises each value.")
final class IncidentArtifactAdd extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "VALUE", description = "Hashes, domains, IP addresses, URLs, ... (defanged is fine).")
    List<String> values;

    @Option(names = "--input", paramLabel = "FILE", description = "Also read values from FILE, one per line (- for standard input; # comments).")
    String input;

    @Option(names = "--description", paramLabel = "D", description = "Description for every artifact added.")
    String description;

    @Option(names = "--source", paramLabel = "S", description = "Where they came from (default riposte-cli).")
    String source = "riposte-cli";

    @Override
    protected int run(ApiClient api) {
        List<String> all = ValueInput.read(values, input);
        List<JsonNode> added = new ArrayList<>();
        int refused = 0;
        TextTable table = json ? null : new TextTable(out()).column("ID", 6).column("TYPE", 8).column("VALUE", 0).header();
        for (String value : all) {
            ApiClient.Reply reply = api.tryPost("incidents/" + id + "/artifacts",
                    ApiClient.body("value", value, "description", description, "source", source));
            if (!reply.ok() && reply.failure().status() != 400) throw reply.failure().exception();
            if (reply.ok()) {
                JsonNode a = reply.json();
                added.add(a);
                if (table != null) table.row(a.path("id").asLong(), a.path("type").asString(), a.path("value").asString());
            } else {
                refused++;
                err().println("riposte: " + Terminal.safe(value) + ": " + reply.failure().message());
                err().flush();
            }
        }
        if (json) printJson(added);
        if (refused > 0) {
            err().println("riposte: " + refused + " of " + all.size() + " values refused; the others were added");
            err().flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
