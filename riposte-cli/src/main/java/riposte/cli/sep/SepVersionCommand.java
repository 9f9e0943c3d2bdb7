package riposte.cli.sep;

import picocli.CommandLine.Command;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.SepmVersion;

/** {@code riposte sep version}. */
@Command(name = "version", header = "Show the SEPM version and API version.")
final class SepVersionCommand extends SepCall {
    @Override
    int run(SepConnection sepm) {
        SepmVersion v = sepm.client().version();
        if (json()) SepJson.line(out(), v);
        else out().println("SEPM " + Terminal.safe(v.version()) + " (API " + Terminal.safe(v.apiVersion()) + ", sequence " + Terminal.safe(v.apiSequence()) + ")");
        return ExitCodes.OK;
    }
}
