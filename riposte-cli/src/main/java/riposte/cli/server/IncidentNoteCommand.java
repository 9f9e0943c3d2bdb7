package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte incident note}: an incident's notes. */
@Command(name = "note", header = "Add notes to an incident.", subcommands = IncidentNoteAdd.class)
final class IncidentNoteCommand extends CommandGroup {}
