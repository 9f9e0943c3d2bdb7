package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.FingerprintList;

/** {@code riposte sep blacklist delete NAME}: deletes a list (which unassigns it from its groups). Destructive. */
@Command(name = "delete", header = "Delete a fingerprint list, unassigning it from its groups (asks for confirmation).")
final class SepBlacklistDelete extends SepBlacklistCall {
    @Mixin
    SepConfirmOptions confirm;

    @Override
    int run(SepConnection sepm) {
        FingerprintList list = existing(sepm.client(), domainId(sepm.client()));
        if (!confirm.approve(out(), err(), "delete fingerprint list '" + name + "' (" + list.id() + ", "
                + SepTargetOptions.count(list.fingerprints().size(), "hash").replace("hashs", "hashes") + ", assigned to "
                + SepTargetOptions.count(list.groupIds().size(), "group") + ")")) {
            return ExitCodes.OK;
        }
        boolean deleted = sepm.client().deleteFingerprintList(list.id());
        if (json()) SepJson.line(out(), java.util.Map.of("id", list.id(), "name", name, "deleted", deleted));
        else out().println(deleted ? "Deleted fingerprint list '" + name + "'." : "Fingerprint list '" + name + "' was already gone.");
        return ExitCodes.OK;
    }
}
