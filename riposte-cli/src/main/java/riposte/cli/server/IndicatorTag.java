package riposte.cli.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte indicator tag ID TAG...}: adds (or with {@code --remove} removes) tags. The tag set is read and
 * written back with its version, so a concurrent change is refused (exit 2) rather than lost.
 */
@Command(name = "tag", header = "Add tags to an indicator (or remove them with --remove).")
final class IndicatorTag extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "ID|VALUE", description = "The indicator's id, or its value.")
    String key;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to add (or remove).")
    List<String> tags;

    @Option(names = "--remove", description = "Remove the tags instead of adding them.")
    boolean remove;

    @Override
    protected int run(ApiClient api) {
        JsonNode current = IndicatorLookup.find(api, key);
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode t : current.path("tags")) set.add(t.asString());
        if (remove) tags.forEach(set::remove);
        else set.addAll(tags.stream().map(String::strip).toList());
        JsonNode updated = api.patch("indicators/" + current.path("id").asLong(),
                ApiClient.body("tags", List.copyOf(set), "version", current.path("version").asLong()));
        if (json) printJson(updated);
        else IndicatorShow.print(out(), as(updated, Views.Indicator.class));
        return ExitCodes.OK;
    }
}
