package riposte.cli.playbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.server.ApiClient;
import riposte.cli.server.ApiCommand;
import tools.jackson.databind.JsonNode;

/** {@code riposte playbook status RUN [--follow]}: a run with its step log; {@code --follow} polls until it ends. */
@Command(name = "status", header = "Show a run with its step log; --follow polls until it ends.")
final class PlaybookStatus extends ApiCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run id (printed by `riposte playbook run`).")
    String runId;

    @Mixin
    FollowOptions following = new FollowOptions();

    @Override
    protected int run(ApiClient api) {
        if (following.follow) return RunOutput.follow(api, runId, following.interval, json, this::printJson, out());
        JsonNode run = api.get("runs/" + runId);
        if (json) printJson(run);
        else RunOutput.print(out(), run);
        return ExitCodes.OK;
    }
}
