package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte incident table}: an incident's data table rows. */
@Command(name = "table", header = "List the data tables and read an incident's rows, as a table, JSON or CSV.",
        subcommands = {IncidentTableList.class, IncidentTableRows.class})
final class IncidentTableCommand extends CommandGroup {}
