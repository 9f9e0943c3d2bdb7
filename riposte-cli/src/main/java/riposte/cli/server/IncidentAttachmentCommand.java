package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte incident attachment}: files attached to an incident. */
@Command(name = "attachment", header = "List, upload and download an incident's attached files.",
        subcommands = {IncidentAttachmentList.class, IncidentAttachmentAdd.class, IncidentAttachmentGet.class})
final class IncidentAttachmentCommand extends CommandGroup {}
