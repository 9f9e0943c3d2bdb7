package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte indicator}: indicators on a running Riposte server, over its REST API. See docs/cli.md. */
@Command(name = "indicator",
        header = "Indicators, tags and attributes on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {IndicatorList.class, IndicatorShow.class, IndicatorAdd.class, IndicatorTag.class,
                IndicatorEnrich.class})
public final class IndicatorCommand extends CommandGroup {}
