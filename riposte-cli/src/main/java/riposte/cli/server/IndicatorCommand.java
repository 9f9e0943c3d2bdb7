package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte indicator}: indicators on a running Riposte server, over its REST API. See docs/cli.md. */
@Command(name = "indicator",
        header = "Indicators, tags and attributes on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {IndicatorList.class, IndicatorShow.class, IndicatorAdd.class, IndicatorTag.class,
                IndicatorEnrich.class})
public final class IndicatorCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
