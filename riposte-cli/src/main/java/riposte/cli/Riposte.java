package riposte.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code riposte} command. Without a subcommand it prints its usage. */
@Command(name = "riposte",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Symantec threat intelligence and endpoint response from the command line.",
        description = "See docs/cli.md for every command, option, output format and exit code.",
        subcommands = {riposte.cli.intel.IntelCommand.class, ServeCommand.class, riposte.cli.sep.SepCommand.class, SimulateCommand.class, riposte.cli.server.IncidentCommand.class, riposte.cli.server.IndicatorCommand.class, riposte.cli.server.AllowListCommand.class, riposte.cli.playbook.PlaybookCommand.class, riposte.cli.demo.DemoCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected failure",
            "2:invalid usage or input",
            "3:authentication failed",
            "4:upstream failed after retries (partial bulk results still written)"})
public final class Riposte implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests (which pass their own writers). */
    public static CommandLine commandLine() {
        Failures failures = new Failures();
        CommandLine commandLine = new CommandLine(new Riposte())
                .setExecutionExceptionHandler(failures)
                .setExitCodeExceptionMapper(failures)
                .setCaseInsensitiveEnumValuesAllowed(true);
        addHelpEverywhere(commandLine);
        return commandLine;
    }

    /**
     * Gives every command in the tree {@code -h}/{@code --help} unless it declares its own, so a new command cannot
     * forget it (picocli's {@code mixinStandardHelpOptions} is per command and would also add {@code -V} to each).
     * A command that already uses {@code -h} for something else gets {@code --help} only.
     */
    static void addHelpEverywhere(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(o -> o.usageHelp());
        if (!hasHelp && spec.findOption("--help") == null) {
            String[] names = spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
            spec.addOption(CommandLine.Model.OptionSpec.builder(names)
                    .usageHelp(true)
                    .description("Show this help.")
                    .build());
        }
        commandLine.getSubcommands().values().stream()
                .distinct()
                .forEach(Riposte::addHelpEverywhere);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
