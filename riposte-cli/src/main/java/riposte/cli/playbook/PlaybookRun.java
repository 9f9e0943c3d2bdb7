package riposte.cli.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.server.ApiClient;
import riposte.cli.server.ApiCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte playbook run PLAYBOOK --on KIND:ID [-i NAME=VALUE]... [--follow]}: starts a run; with
 * {@code --follow}, waits for it to end and exits as {@link RunOutput#follow} says.
 */
@Command(name = "run", header = "Start a playbook on an object; --follow waits until the run ends.")
final class PlaybookRun extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The playbook id (see `riposte playbook list`).")
    String playbook;

    @Option(names = "--on", required = true, paramLabel = "KIND:ID", description = "The object: indicator:ID, "
            + "artifact:ID, incident:ID or row:TABLE:ID (database ids).")
    String on;

    @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE", description = "A run input; repeat for several.")
    List<String> inputs = List.of();

    @Mixin
    FollowOptions following = new FollowOptions();

    @Override
    protected int run(ApiClient api) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String i : inputs) {
            int eq = i.indexOf('=');
            if (eq <= 0) throw new CliException(ExitCodes.USAGE, "--input '" + i + "': expected NAME=VALUE");
            values.put(i.substring(0, eq).strip(), i.substring(eq + 1));
        }
        JsonNode run = api.post("playbooks/" + playbook + "/runs",
                ApiClient.body("object", ObjectArgument.parse(on).body(), "inputs", values));
        if (!following.follow) {
            if (json) printJson(run);
            else RunOutput.print(out(), run);
            return ExitCodes.OK;
        }
        return RunOutput.follow(api, run.path("id").asString(), following.interval, json, this::printJson, out());
    }
}
