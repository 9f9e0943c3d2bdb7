package riposte.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code riposte incident}, {@code riposte allowlist}, …): run alone, it
 * prints its usage; {@code -h}/{@code --help} too. Subclasses carry only their {@code @Command} annotation.
 */
public abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
