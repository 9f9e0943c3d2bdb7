package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte indicator add VALUE...}: create-or-get. Each value is parsed locally first; one that is not an
 * indicator is reported and nothing is sent for it, the others are still added, and the command exits 2.
 * An indicator that already exists gains the tags and keeps everything else.
 */
@Command(name = "add", header = "Add indicators (or tag existing ones); each value is checked locally first.")
final class IndicatorAdd extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(arity = "0..*", paramLabel = "VALUE", description = "Hashes, domains, IP addresses, URLs, CVE ids, ... (defanged is fine).")
    List<String> values;

    @Option(names = "--input", paramLabel = "FILE", description = "Also read values from FILE, one per line (- for standard input; # comments).")
    String input;

    @Option(names = "--tag", paramLabel = "T", description = "A tag to give every indicator (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--verdict", paramLabel = "V", description = "Verdict of new indicators: ${COMPLETION-CANDIDATES} (server default UNKNOWN).")
    Verdict verdict;

    @Option(names = "--confidence", paramLabel = "N", description = "Confidence of new indicators, 0-100.")
    Integer confidence;

    @Override
    protected int run(ApiClient api) {
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            throw new CliException(ExitCodes.USAGE, "--confidence must be 0-100, was " + confidence);
        }
        List<String> all = ValueInput.read(values, input);
        List<JsonNode> results = new ArrayList<>();
        int refused = 0;
        TextTable table = json ? null : new TextTable(out()).column("", 8).column("ID", 6).column("TYPE", 9).column("VERDICT", 10)
                .column("CONF", 4).column("TAGS", 24).column("VALUE", 0).header();
        for (String value : all) {
            Indicator parsed;
            try {
                parsed = IndicatorParser.parse(value);
            } catch (InvalidIndicatorException e) {
                refused++;
                err().println("riposte: " + Terminal.safe(value) + ": " + e.getMessage() + " (not sent)");
                err().flush();
                continue;
            }
            ApiClient.Reply reply = api.tryPost("indicators", ApiClient.body("type", parsed.type().id(),
                    "value", parsed.value(), "tags", tags.isEmpty() ? null : tags, "verdict", verdict, "confidence", confidence));
            if (!reply.ok() && reply.failure().status() != 400) throw reply.failure().exception();
            if (!reply.ok()) {
                refused++;
                err().println("riposte: " + Terminal.safe(value) + ": " + reply.failure().message());
                err().flush();
                continue;
            }
            results.add(reply.json());
            if (table != null) {
                Views.Indicator i = as(reply.json(), Views.Indicator.class);
                table.row(reply.status() == 201 ? "added" : "existing", i.id(), i.type(), i.verdict(), i.confidence(),
                        i.tags() == null ? "" : String.join(",", i.tags()), i.value());
            }
        }
        if (json) printJson(results);
        if (refused > 0) {
            err().println("riposte: " + refused + " of " + all.size() + " values refused; the others were added");
            err().flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
