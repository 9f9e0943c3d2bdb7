package riposte.cli.sep;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.CommandProgress;
import riposte.symantec.sepm.CommandStatus;

/** {@code riposte sep command status|wait|cancel COMMAND_ID}. */
@Command(name = "command", header = "Follow a SEPM command: status, wait, cancel.",
        subcommands = {SepCommandCommand.Status.class, SepCommandCommand.Wait.class, SepCommandCommand.Cancel.class})
final class SepCommandCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code status}: every endpoint's row now, with all matches and file ids. */
    @Command(name = "status", header = "Show a command's per-endpoint states, file ids and all matches.")
    static final class Status extends SepCall {
        @Parameters(paramLabel = "COMMAND_ID", description = "The command id printed when the command was sent.")
        String commandId;

        @Override
        int run(SepConnection sepm) {
            List<CommandStatus> rows = sepm.client().commandStatus(commandId).toList();
            // No submission time is known here, so no timeout applies: the overall state is as of now.
            Instant now = sepm.now();
            var o = new SepWaiter.Outcome(commandId, CommandProgress.of(rows, now, java.time.Duration.ofDays(365), now), rows);
            if (json()) SepJson.line(out(), SepCommandReport.json(o));
            else SepCommandReport.table(out(), o);
            return ExitCodes.OK;
        }
    }

    /** {@code wait}: polls until done or {@code --timeout}, as {@code --wait} does. */
    @Command(name = "wait", header = "Wait for a command to finish on every endpoint (or --timeout), then show the results.")
    static final class Wait extends SepCall {
        @Parameters(paramLabel = "COMMAND_ID", description = "The command id printed when the command was sent.")
        String commandId;

        @Mixin
        SepWaitOptions wait;

        @Override
        void validate() {
            wait.wait = true;
            wait.validate();
        }

        @Override
        int run(SepConnection sepm) throws InterruptedException {
            var o = SepWaiter.await(sepm, commandId, wait.timeout(), err());
            if (json()) SepJson.line(out(), SepCommandReport.json(o));
            else SepCommandReport.table(out(), o);
            return SepAsync.exitCode(err(), List.of(o));
        }
    }

    /** {@code cancel}: cancels where still pending. */
    @Command(name = "cancel", header = "Cancel a command on the endpoints that have not run it yet (asks for confirmation).")
    static final class Cancel extends SepCall {
        @Parameters(paramLabel = "COMMAND_ID", description = "The command id to cancel.")
        String commandId;

        @picocli.CommandLine.Mixin
        SepConfirmOptions confirm;

        @Override
        int run(SepConnection sepm) {
            if (!confirm.approve(out(), err(), "cancel command " + Terminal.safe(commandId)
                    + " on every endpoint that has not run it yet")) {
                return ExitCodes.OK;
            }
            String cancelId = sepm.client().cancelCommand(commandId);
            if (json()) SepJson.line(out(), Map.of("commandID", cancelId));
            else out().println("Cancel requested for " + Terminal.safe(commandId) + ": cancel command " + Terminal.safe(cancelId));
            return ExitCodes.OK;
        }
    }
}
