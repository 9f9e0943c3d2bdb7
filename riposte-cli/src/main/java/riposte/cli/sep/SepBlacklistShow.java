package riposte.cli.sep;

import picocli.CommandLine.Command;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.FingerprintList;

/** {@code riposte sep blacklist show NAME}: a list's id, description, groups and hashes. */
@Command(name = "show", header = "Show a fingerprint list: id, description, assigned groups and hashes.")
final class SepBlacklistShow extends SepBlacklistCall {
    @Override
    int run(SepConnection sepm) {
        FingerprintList list = existing(sepm.client(), domainId(sepm.client()));
        if (json()) {
            SepJson.line(out(), list);
            return ExitCodes.OK;
        }
        out().println("Name:        " + Terminal.safe(list.name()));
        out().println("Id:          " + Terminal.safe(list.id()));
        out().println("Description: " + Terminal.safe(list.description()));
        out().println("Groups:      " + (list.groupIds().isEmpty() ? "(not assigned)" : Terminal.safe(String.join(", ", list.groupIds()))));
        out().println("Hashes (" + list.fingerprints().size() + "):");
        list.fingerprints().forEach(f -> out().println("  " + Terminal.safe(f.hashType()) + " " + Terminal.safe(f.value())));
        return ExitCodes.OK;
    }
}
