package riposte.cli.sep;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.Group;
import riposte.symantec.sepm.MoveResult;

/** {@code riposte sep move --hardware-key K[,K…] --group-id G}: moves computers to a group. Destructive. */
@Command(name = "move", header = "Move computers (by hardware key) to another group (asks for confirmation).")
final class SepMoveCommand extends SepCall {
    @Option(names = "--hardware-key", required = true, split = ",", paramLabel = "KEY", description = "Hardware keys of the computers, comma-separated.")
    List<String> hardwareKeys;

    @Option(names = "--group-id", required = true, paramLabel = "ID", description = "The destination group.")
    String groupId;

    @Mixin
    SepConfirmOptions confirm;

    @Override
    int run(SepConnection sepm) {
        String where = sepm.client().group(groupId).map(Group::fullPathName).map(p -> "'" + Terminal.safe(p) + "' (" + groupId + ")")
                .orElse(groupId + " (SEPM does not know this group)");
        if (!confirm.approve(out(), err(), "move " + SepTargetOptions.count(hardwareKeys.size(), "computer") + " ("
                + String.join(", ", hardwareKeys) + ") to group " + where)) {
            return ExitCodes.OK;
        }
        List<MoveResult> results = sepm.client().moveComputers(groupId, hardwareKeys);
        if (json()) SepJson.line(out(), results);
        else {
            TextTable t = new TextTable(out()).column("HARDWARE KEY", 32).column("MOVED", 5).column("CODE", 4).column("MESSAGE", 10).header();
            results.forEach(r -> t.row(r.hardwareKey(), r.succeeded() ? "yes" : "no", r.responseCode(), r.responseMessage()));
        }
        long failed = results.stream().filter(r -> !r.succeeded()).count();
        if (failed > 0) err().println("riposte: " + SepTargetOptions.count(failed, "computer") + " not moved; see the messages above");
        return failed == 0 ? ExitCodes.OK : ExitCodes.UPSTREAM;
    }
}
