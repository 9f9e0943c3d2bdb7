package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte incident artifact}: an incident's artifacts. */
@Command(name = "artifact", header = "Add artifacts (hashes, domains, addresses, URLs...) to an incident.",
        subcommands = IncidentArtifactAdd.class)
final class IncidentArtifactCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
