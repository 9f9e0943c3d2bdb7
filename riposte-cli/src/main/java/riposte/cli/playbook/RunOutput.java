package riposte.cli.playbook;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.cli.server.ApiClient;
import tools.jackson.databind.JsonNode;

/** How a run is shown, and following one until it ends. */
final class RunOutput {
    private RunOutput() {}

    static void print(PrintWriter out, JsonNode run) {
        out.println("Run " + run.path("id").asString() + ": " + Terminal.safe(run.path("playbookId").asString())
                + " on " + run.path("object").path("kind").asString().toLowerCase(java.util.Locale.ROOT) + " "
                + Terminal.safe(run.path("object").path("id").asString()));
        out.println("  state:      " + run.path("state").asString()
                + (run.path("waitingFor").isString() ? " (" + run.path("waitingFor").asString()
                + (run.path("wakeAt").isString() ? " until " + run.path("wakeAt").asString() : "") + ")" : ""));
        out.println("  started:    " + run.path("createdAt").asString() + " by "
                + Terminal.safe(run.path("trigger").path("by").asString()) + " ("
                + run.path("trigger").path("kind").asString().toLowerCase(java.util.Locale.ROOT) + ")");
        String waiting = run.path("waitingFor").asString("");
        if (waiting.startsWith("approval:")) {
            String message = approvalMessage(run, waiting.substring("approval:".length()));
            out.println("  approval:   " + (message == null ? "(no message)" : Terminal.safe(message)));
            out.println("              decide with: riposte playbook approve " + run.path("id").asString()
                    + " [--reject]");
        }
        if (run.path("failure").isObject()) {
            JsonNode f = run.path("failure");
            out.println("  failure:    " + (f.path("stepId").isString() ? "step '" + f.path("stepId").asString() + "': " : "")
                    + Terminal.safe(f.path("reason").asString()));
        }
        if (run.path("outputs").isObject() && !run.path("outputs").isEmpty()) {
            out.println("  outputs:    " + Terminal.safe(run.path("outputs").toString()));
        }
        if (run.path("steps").isArray()) {
            out.println();
            TextTable table = new TextTable(out).column("STEP", 20).column("TRY", 4).column("STATE", 17)
                    .column("FINISHED", 21).column("ERROR", 0).header();
            for (JsonNode s : run.path("steps")) {
                table.row(Terminal.safe(s.path("stepId").asString()), s.path("attempt").asInt(), s.path("state").asString(),
                        s.path("finishedAt").isString() ? s.path("finishedAt").asString() : "",
                        s.path("error").isString() ? Terminal.safe(s.path("error").asString()) : "");
            }
        }
        out.flush();
    }

    /**
     * The message of the approval step {@code stepId} that waits (what the run will touch), or null if the step
     * recorded none or does not wait; from the run's step log.
     */
    static String approvalMessage(JsonNode run, String stepId) {
        String message = null;
        for (JsonNode s : run.path("steps")) {
            if (stepId.equals(s.path("stepId").asString()) && "WAITING_APPROVAL".equals(s.path("state").asString())
                    && s.path("outputs").path("message").isString()) {
                message = s.path("outputs").path("message").asString();
            }
        }
        return message;
    }

    /** Polls the run until it ends or waits for an approval; prints each state change (or the final JSON). */
    static int follow(ApiClient api, String runId, Duration interval, boolean json, Consumer<Object> printJson,
            PrintWriter out) {
        String last = null;
        while (true) {
            JsonNode run = api.get("runs/" + runId);
            String state = run.path("state").asString() + " " + run.path("waitingFor").asString("");
            boolean approval = run.path("waitingFor").asString("").startsWith("approval:");
            if (run.path("terminal").asBoolean() || approval) {
                if (json) printJson.accept(run);
                else print(out, run);
                return run.path("state").asString().equals("COMPLETED") ? ExitCodes.OK
                        : approval ? ExitCodes.WAITING : ExitCodes.UPSTREAM;
            }
            if (!json && !state.equals(last)) {
                out.println(run.path("state").asString() + (run.path("waitingFor").isString()
                        ? " (" + run.path("waitingFor").asString() + ")" : ""));
                out.flush();
                last = state;
            }
            try {
                Thread.sleep(Math.max(50, interval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILURE, "interrupted while following run " + runId);
            }
        }
    }
}
