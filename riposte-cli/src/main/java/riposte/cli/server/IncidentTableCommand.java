package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte incident table}: an incident's data table rows. */
@Command(name = "table", header = "List the data tables and read an incident's rows, as a table, JSON or CSV.",
        subcommands = {IncidentTableList.class, IncidentTableRows.class})
final class IncidentTableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
