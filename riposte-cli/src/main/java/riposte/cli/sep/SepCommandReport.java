package riposte.cli.sep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.CommandProgress;
import riposte.symantec.sepm.CommandStatus;

/**
 * Prints a command's per-endpoint states and <em>all</em> its matches (never truncated): a table, or with
 * {@code --json} an object with SEPM's row field names ({@code statuses}) plus the parsed {@code matches}.
 */
final class SepCommandReport {
    private SepCommandReport() {}

    static Map<String, Object> json(SepWaiter.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commandId", o.commandId());
        m.put("overall", o.progress().overall().name());
        m.put("endpoints", o.progress().endpoints());
        Map<String, Integer> byState = new LinkedHashMap<>();
        o.progress().byState().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byState.put(e.getKey().name(), e.getValue()));
        m.put("byState", byState);
        m.put("statuses", o.rows());
        m.put("matches", matches(o.rows()));
        return m;
    }

    static void table(PrintWriter out, SepWaiter.Outcome o) {
        CommandProgress p = o.progress();
        out.println("Command " + Terminal.safe(o.commandId()) + ": " + p.overall() + ", "
                + SepTargetOptions.count(p.endpoints(), "endpoint") + SepWaiter.states(p));
        if (!o.rows().isEmpty()) {
            TextTable t = new TextTable(out).column("COMPUTER", 20).column("COMPUTER ID", 32).column("IP", 15)
                    .column("STATE", 20).column("SUB-STATE", 34).column("FILE ID", 32).column("MATCHES", 7).header();
            for (CommandStatus r : o.rows()) {
                t.row(r.computerName(), r.computerId(), r.computerIp(), r.state().label(), r.subStateDescription(),
                        r.fileId().orElse(""), r.eocResult().map(e -> String.valueOf(e.matches().size())).orElse(""));
            }
        }
        List<SepMatchRow> matches = matches(o.rows());
        if (!matches.isEmpty()) {
            out.println();
            out.println("Matches (" + matches.size() + "):");
            TextTable t = new TextTable(out).column("COMPUTER", 20).column("RESULT", 13).column("REMEDIATION", 13)
                    .column("HASH TYPE", 9).column("HASH", 64).column("PATH", 10).header();
            for (SepMatchRow m : matches) t.row(m.computerName(), m.result(), m.remediation(), m.hashType(), m.hashValue(), m.path());
        }
        out.flush();
    }

    static List<SepMatchRow> matches(List<CommandStatus> rows) {
        List<SepMatchRow> all = new ArrayList<>();
        rows.forEach(r -> all.addAll(SepMatchRow.of(r)));
        return all;
    }
}
