package riposte.cli.server;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte indicator show ID|VALUE}: the indicator with its attributes. */
@Command(name = "show", header = "Show an indicator (by id or value) with its attributes.")
final class IndicatorShow extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID|VALUE", description = "The indicator's id, or its value (normalised first; defanged is fine).")
    String key;

    @Override
    protected int run(ApiClient api) {
        JsonNode indicator = IndicatorLookup.find(api, key);
        long id = indicator.path("id").asLong();
        JsonNode attributes = api.get("indicators/" + id + "/attributes");
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("indicator", indicator);
            all.put("attributes", attributes);
            printJson(all);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        print(out, as(indicator, Views.Indicator.class));
        out.println();
        out.println("Attributes (" + attributes.size() + "):");
        TextTable table = new TextTable(out).column("NAME", 34).column("SOURCE", 12).column("UPDATED", 20).column("VALUE", 0).header();
        for (Views.Attribute a : Views.items(attributes, Views.Attribute.class)) {
            table.row(a.name(), a.source(), Views.time(a.updatedAt()), a.value());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Views.Indicator i) {
        out.println("Indicator " + i.id() + ": " + i.type() + " " + Terminal.safe(i.value()));
        out.println("  verdict:    " + i.verdict() + " (confidence " + i.confidence() + ")");
        out.println("  tags:       " + (i.tags() == null ? "" : Terminal.safe(String.join(", ", i.tags()))));
        out.println("  created:    " + Views.time(i.createdAt()));
        out.println("  updated:    " + Views.time(i.updatedAt()) + " (version " + i.version() + ")");
        out.flush();
    }
}
