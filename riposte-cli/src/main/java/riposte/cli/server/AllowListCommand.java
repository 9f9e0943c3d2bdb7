package riposte.cli.server;

import picocli.CommandLine.Command;
import riposte.cli.CommandGroup;

/** {@code riposte allowlist}: the server's one allow-list, over its REST API. See docs/allowlist.md. */
@Command(name = "allowlist",
        header = "The allow-list of a running Riposte server: list, add, remove, check, export (RIPOSTE_SERVER_URL, RIPOSTE_API_TOKEN).",
        subcommands = {AllowListList.class, AllowListAdd.class, AllowListRemove.class, AllowListCheck.class,
                AllowListExport.class})
public final class AllowListCommand extends CommandGroup {}
