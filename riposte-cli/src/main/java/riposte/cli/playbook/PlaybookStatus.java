package riposte.cli.playbook;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--follow", description = "Poll until the run ends (or waits for an approval); exit 0 if it "
            + "completed, 4 if it failed, timed out or was cancelled, 5 if it waits for an approval.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "How often --follow asks (ISO-8601, default PT1S).")
    Duration interval;

    @Override
    protected int run(ApiClient api) {
        if (follow) return RunOutput.follow(api, runId, interval, json, this::printJson, out());
        JsonNode run = api.get("runs/" + runId);
        if (json) printJson(run);
        else RunOutput.print(out(), run);
        return ExitCodes.OK;
    }
}
