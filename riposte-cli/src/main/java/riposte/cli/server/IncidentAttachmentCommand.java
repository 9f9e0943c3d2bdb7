package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte incident attachment}: files attached to an incident. */
@Command(name = "attachment", header = "List, upload and download an incident's attached files.",
        subcommands = {IncidentAttachmentList.class, IncidentAttachmentAdd.class, IncidentAttachmentGet.class})
final class IncidentAttachmentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
