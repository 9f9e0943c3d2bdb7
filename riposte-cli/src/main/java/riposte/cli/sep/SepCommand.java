package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code riposte sep}: endpoint response through the Symantec Endpoint Protection Manager REST API. See the
 * "riposte sep" section of docs/cli.md.
 */
@Command(name = "sep",
        header = "Endpoint response through Symantec Endpoint Protection Manager (scan, remediate, quarantine, files, blacklists).",
        subcommands = {
            SepVersionCommand.class, SepDomainsCommand.class, SepGroupsCommand.class, SepComputersCommand.class,
            SepComplianceCommand.class, SepScanCommand.class, SepRemediateCommand.class, SepUploadCommand.class,
            SepDownloadCommand.class, SepQuarantineCommand.class, SepUnquarantineCommand.class, SepMoveCommand.class,
            SepBlacklistCommand.class, SepCommandCommand.class})
public final class SepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
