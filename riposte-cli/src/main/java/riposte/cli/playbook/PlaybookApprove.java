package riposte.cli.playbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.sep.SepConfirmOptions;
import riposte.cli.server.ApiClient;
import riposte.cli.server.ApiCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte playbook approve RUN [--reject] [--comment TEXT] [--yes|--dry-run] [--follow]}: decides the approval a
 * run waits for ({@code POST /api/v1/runs/{id}/approvals/{step}}), after showing its message — what the run will
 * touch — and asking, as the CLI's own destructive commands do.
 */
@Command(name = "approve", header = "Approve (or --reject) the approval a run waits for, after showing what it will "
        + "touch.")
final class PlaybookApprove extends ApiCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run id (printed by `riposte playbook run`).")
    String runId;

    @Option(names = "--reject", description = "Reject instead: the run fails and touches nothing.")
    boolean reject;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why (recorded with the decision and audited).")
    String comment;

    @Option(names = "--step", paramLabel = "STEP", description = "The approval step; by default the one the run "
            + "waits for.")
    String step;

    @Mixin
    SepConfirmOptions confirm;

    @Mixin
    FollowOptions following = new FollowOptions();

    @Override
    protected int run(ApiClient api) {
        JsonNode run = api.get("runs/" + runId);
        String waiting = run.path("waitingFor").asString("");
        String stepId = step != null ? step : waiting.startsWith("approval:") ? waiting.substring(9) : null;
        if (stepId == null) {
            throw new CliException(ExitCodes.USAGE, "run " + runId + " does not wait for an approval (it is "
                    + run.path("state").asString() + (waiting.isEmpty() ? "" : ", waiting for " + waiting)
                    + "); nothing was decided");
        }
        String message = RunOutput.approvalMessage(run, stepId);
        String plan = (reject ? "reject" : "approve") + " step '" + Terminal.safe(stepId) + "' of run " + runId + " ("
                + Terminal.safe(run.path("playbookId").asString()) + ")" + (message == null ? ""
                : ": " + Terminal.safe(message));
        if (!confirm.approve(out(), err(), plan)) return ExitCodes.OK;
        JsonNode decided = api.post("runs/" + runId + "/approvals/" + stepId,
                ApiClient.body("approve", !reject, "comment", comment));
        if (following.follow && !reject) {
            return RunOutput.follow(api, runId, following.interval, json, this::printJson, out());
        }
        if (json) printJson(decided);
        else RunOutput.print(out(), decided);
        return ExitCodes.OK;
    }
}
