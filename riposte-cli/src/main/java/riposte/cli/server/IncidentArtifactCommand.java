package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte incident artifact}: an incident's artifacts. */
@Command(name = "artifact", header = "Add artifacts (hashes, domains, addresses, URLs...) to an incident.",
        subcommands = IncidentArtifactAdd.class)
final class IncidentArtifactCommand extends CommandGroup {}
