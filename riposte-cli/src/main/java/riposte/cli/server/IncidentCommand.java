package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte incident}: incidents on a running Riposte server, over its REST API. See docs/cli.md. */
@Command(name = "incident",
        header = "Incidents, artifacts and notes on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {IncidentList.class, IncidentShow.class, IncidentCreate.class, IncidentUpdate.class,
            IncidentArtifactCommand.class, IncidentNoteCommand.class, IncidentAttachmentCommand.class,
            IncidentTableCommand.class})
public final class IncidentCommand extends CommandGroup {}
