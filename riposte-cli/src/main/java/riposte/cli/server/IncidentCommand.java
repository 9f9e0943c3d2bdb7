package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte incident}: incidents on a running Riposte server, over its REST API. See docs/cli.md. */
@Command(name = "incident",
        header = "Incidents, artifacts and notes on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {IncidentList.class, IncidentShow.class, IncidentCreate.class, IncidentUpdate.class,
            IncidentArtifactCommand.class, IncidentNoteCommand.class, IncidentAttachmentCommand.class,
            IncidentTableCommand.class})
public final class IncidentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
