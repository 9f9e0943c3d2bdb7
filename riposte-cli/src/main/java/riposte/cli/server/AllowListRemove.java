package riposte.cli.server;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;

/** {@code riposte allowlist remove ID...}: deletes entries by id (admin). */
@Command(name = "remove", header = "Remove allow-list entries by id (admin).")
final class AllowListRemove extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Entry ids, as `riposte allowlist list` shows them.")
    List<Long> ids;

    @Override
    protected int run(ApiClient api) {
        for (long id : ids) {
            api.delete("allowlist/" + id);
            if (!json) out().println("removed " + id);
        }
        out().flush();
        return ExitCodes.OK;
    }
}
