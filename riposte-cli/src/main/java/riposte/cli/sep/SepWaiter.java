package riposte.cli.sep;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.CommandProgress;
import riposte.symantec.sepm.CommandState;
import riposte.symantec.sepm.CommandStatus;

/**
 * Polls a command until every endpoint is in a terminal state or the timeout has passed since the wait began,
 * with backoff (2 s doubling to 30 s). Progress goes to standard error: one summary line per poll and, for
 * commands of at most {@value #ENDPOINT_LINES} endpoints, a line per endpoint whose state changed. With
 * {@code --sim} each pause advances the simulator's clock instead of sleeping (see {@link SepConnection#pause}).
 */
final class SepWaiter {
    static final Duration FIRST_INTERVAL = Duration.ofSeconds(2);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(30);
    /** Beyond this many endpoints, per-endpoint lines would drown the summary. */
    static final int ENDPOINT_LINES = 200;

    /** The last poll: every row and the overall progress. */
    record Outcome(String commandId, CommandProgress progress, List<CommandStatus> rows) {}

    private SepWaiter() {}

    static Outcome await(SepConnection sepm, String commandId, Duration timeout, PrintWriter err) throws InterruptedException {
        Instant start = sepm.now();
        Duration interval = FIRST_INTERVAL;
        Map<String, CommandState> seen = new HashMap<>();
        while (true) {
            List<CommandStatus> rows = sepm.client().commandStatus(commandId).toList();
            CommandProgress p = CommandProgress.of(rows, start, timeout, sepm.now());
            progress(err, commandId, rows, p, seen, Duration.between(start, sepm.now()));
            if (p.overall().terminal()) return new Outcome(commandId, p, rows);
            Duration left = Duration.between(sepm.now(), start.plus(timeout));
            Duration pause = interval.compareTo(left) < 0 ? interval : left;
            if (!pause.isNegative() && !pause.isZero()) sepm.pause(pause);
            interval = interval.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval.multipliedBy(2);
        }
    }

    private static void progress(PrintWriter err, String id, List<CommandStatus> rows, CommandProgress p,
                                 Map<String, CommandState> seen, Duration elapsed) {
        if (rows.size() <= ENDPOINT_LINES) {
            for (CommandStatus r : rows) {
                String key = r.computerId() + "|" + r.hardwareKey();
                if (seen.put(key, r.state()) != r.state()) {
                    err.println("  " + Terminal.safe(r.computerName()) + " (" + Terminal.safe(r.computerId()) + "): " + r.state().label());
                }
            }
        }
        long done = rows.stream().filter(r -> r.state().terminal()).count();
        err.println("command " + Terminal.safe(id) + " after " + elapsed.toSeconds() + " s: " + done + " of "
                + SepTargetOptions.count(rows.size(), "endpoint") + " finished" + states(p) + " — " + p.overall());
        err.flush();
    }

    static String states(CommandProgress p) {
        if (p.byState().isEmpty()) return "";
        return p.byState().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ", " (", ")"));
    }
}
