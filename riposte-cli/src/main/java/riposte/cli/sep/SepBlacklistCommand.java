package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code riposte sep blacklist}: fingerprint lists (hashes blocked by system lockdown). */
@Command(name = "blacklist", header = "Fingerprint lists (blacklists): list, show, add, remove, delete, assign.",
        subcommands = {SepBlacklistList.class, SepBlacklistShow.class, SepBlacklistAdd.class, SepBlacklistRemove.class,
            SepBlacklistDelete.class, SepBlacklistAssign.class})
final class SepBlacklistCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
