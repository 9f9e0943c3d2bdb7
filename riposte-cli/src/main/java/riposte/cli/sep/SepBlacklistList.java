package riposte.cli.sep;

import picocli.CommandLine.Command;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.Fingerprint;
import riposte.symantec.sepm.FingerprintList;

/**
 * {@code riposte sep blacklist list NAME}: the hashes of a list, one per line (SEPM has no call that enumerates
 * every list; a list is found by name).
 */
@Command(name = "list", header = "List the hashes of a fingerprint list, one per line.")
final class SepBlacklistList extends SepBlacklistCall {
    @Override
    int run(SepConnection sepm) {
        FingerprintList list = existing(sepm.client(), domainId(sepm.client()));
        if (json()) SepJson.line(out(), list.fingerprints());
        else for (Fingerprint f : list.fingerprints()) out().println(Terminal.safe(f.hashType()) + " " + Terminal.safe(f.value()));
        return ExitCodes.OK;
    }
}
