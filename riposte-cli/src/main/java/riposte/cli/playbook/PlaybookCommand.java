package riposte.cli.playbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riposte playbook}: playbooks and their durable runs on a running Riposte server. See docs/playbooks.md. */
@Command(name = "playbook",
        header = "Playbooks and their runs on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {PlaybookList.class, PlaybookRun.class, PlaybookStatus.class})
public final class PlaybookCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
