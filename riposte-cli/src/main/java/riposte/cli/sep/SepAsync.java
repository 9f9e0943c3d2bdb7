package riposte.cli.sep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.CommandProgress;

/**
 * The end of every asynchronous command (scan, remediate, upload, quarantine, unquarantine): the command ids are
 * printed at once; with {@code --wait} each command is polled to the end and reported in full. Exit 0 when every
 * endpoint completed, 4 when some rejected, failed or were cancelled, or did not finish within the timeout.
 */
final class SepAsync {
    private SepAsync() {}

    static int finish(SepCall call, SepConnection sepm, Map<String, String> ids, SepWaitOptions wait) throws InterruptedException {
        PrintWriter out = call.out();
        PrintWriter err = call.err();
        if (!wait.wait) {
            if (call.json()) SepJson.line(out, ids);
            else printIds(out, ids);
            String first = ids.values().iterator().next();
            if (!call.json()) out.println("Follow it with: riposte sep command status " + Terminal.safe(first) + " (or command wait)");
            out.flush();
            return ExitCodes.OK;
        }
        printIds(call.json() ? err : out, ids);
        (call.json() ? err : out).flush();
        List<SepWaiter.Outcome> outcomes = new ArrayList<>();
        for (String id : ids.values()) outcomes.add(SepWaiter.await(sepm, id, wait.timeout(), err));
        if (call.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("commandIds", ids);
            doc.put("results", outcomes.stream().map(SepCommandReport::json).toList());
            SepJson.line(out, doc);
        } else {
            for (SepWaiter.Outcome o : outcomes) {
                out.println();
                SepCommandReport.table(out, o);
            }
        }
        return exitCode(err, outcomes);
    }

    static int exitCode(PrintWriter err, List<SepWaiter.Outcome> outcomes) {
        int code = ExitCodes.OK;
        for (SepWaiter.Outcome o : outcomes) {
            CommandProgress p = o.progress();
            switch (p.overall()) {
                case TIMED_OUT -> err.println("riposte: command " + Terminal.safe(o.commandId()) + " timed out: "
                        + SepTargetOptions.count(p.pending().size(), "endpoint")
                        + " did not finish (offline endpoints never pick commands up); their states are listed above");
                case FINISHED_WITH_FAILURES -> err.println("riposte: command " + Terminal.safe(o.commandId())
                        + " finished, but not on every endpoint" + SepWaiter.states(p));
                default -> { }
            }
            if (p.overall() != CommandProgress.Overall.COMPLETED) code = ExitCodes.UPSTREAM;
        }
        err.flush();
        return code;
    }

    private static void printIds(PrintWriter w, Map<String, String> ids) {
        ids.forEach((k, v) -> w.println("Command sent: " + Terminal.safe(v) + " (" + Terminal.safe(k) + ")"));
    }
}
