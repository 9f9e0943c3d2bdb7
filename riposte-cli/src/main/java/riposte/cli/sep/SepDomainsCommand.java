package riposte.cli.sep;

import java.util.List;
import picocli.CommandLine.Command;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.SepmDomain;

/** {@code riposte sep domains}. */
@Command(name = "domains", header = "List the SEPM domains the administrator can see.")
final class SepDomainsCommand extends SepCall {
    @Override
    int run(SepConnection sepm) {
        List<SepmDomain> domains = sepm.client().domains();
        if (json()) {
            SepJson.line(out(), domains);
            return ExitCodes.OK;
        }
        TextTable t = new TextTable(out()).column("ID", 32).column("NAME", 24).column("ENABLED", 7).column("DESCRIPTION", 10).header();
        for (SepmDomain d : domains) t.row(d.id(), d.name(), d.enable(), d.description());
        return ExitCodes.OK;
    }
}
