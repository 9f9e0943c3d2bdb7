package riposte.cli.intel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code riposte intel}: Symantec Threat Intelligence lookups. */
@Command(name = "intel",
        header = "Look indicators up in Symantec Threat Intelligence (insight, protection, related, process chain, history).",
        subcommands = {
            IntelSubcommand.Lookup.class,
            IntelSubcommand.Insight.class,
            IntelSubcommand.Protection.class,
            IntelSubcommand.Related.class,
            IntelSubcommand.ProcessChain.class,
            IntelSubcommand.History.class})
public final class IntelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
