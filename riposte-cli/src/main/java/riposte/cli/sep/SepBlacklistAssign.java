package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.symantec.sepm.FingerprintList;

/** {@code riposte sep blacklist assign NAME --group-id G}: blocks the list's hashes on a group. Destructive. */
@Command(name = "assign", header = "Assign a fingerprint list to a group's system lockdown (asks for confirmation).")
final class SepBlacklistAssign extends SepBlacklistCall {
    @Option(names = "--group-id", required = true, paramLabel = "ID", description = "The group whose system lockdown blocks the list.")
    String groupId;

    @Mixin
    SepConfirmOptions confirm;

    @Override
    int run(SepConnection sepm) {
        FingerprintList list = existing(sepm.client(), domainId(sepm.client()));
        if (list.groupIds().stream().anyMatch(groupId.strip()::equalsIgnoreCase)) {
            // SEPM answers 422 to a second assignment; the list says it is there already, so nothing is sent.
            out().println("Fingerprint list '" + name + "' is already assigned to group " + Terminal.safe(groupId)
                    + ": nothing changed.");
            return ExitCodes.OK;
        }
        String where = sepm.client().group(groupId).map(g -> "'" + Terminal.safe(g.fullPathName()) + "' ("
                + (g.numberOfPhysicalComputers() == null ? 0 : g.numberOfPhysicalComputers()) + " computers)").orElse(groupId);
        if (!confirm.approve(out(), err(), "block the " + list.fingerprints().size() + " hashes of fingerprint list '" + name
                + "' on group " + where)) {
            return ExitCodes.OK;
        }
        sepm.client().assignLockdown(groupId, list.id());
        if (json()) SepJson.line(out(), java.util.Map.of("id", list.id(), "name", name, "groupId", groupId));
        else out().println("Assigned fingerprint list '" + name + "' to group " + where + ".");
        return ExitCodes.OK;
    }
}
