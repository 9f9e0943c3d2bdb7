package riposte.cli.playbook;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte playbook}: playbooks and their durable runs on a running Riposte server. See docs/playbooks.md. */
@Command(name = "playbook",
        header = "Playbooks and their runs on a running Riposte server (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {PlaybookList.class, PlaybookRun.class, PlaybookStatus.class, PlaybookApprove.class})
public final class PlaybookCommand extends CommandGroup {}
