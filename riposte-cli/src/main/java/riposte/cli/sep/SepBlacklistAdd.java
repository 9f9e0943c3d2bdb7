package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.FingerprintListEditor;

/** {@code riposte sep blacklist add NAME HASH}: adds a hash, creating the list if needed. Destructive. */
@Command(name = "add", header = "Add an MD5 or SHA-256 to a fingerprint list, creating it if needed (asks for confirmation).")
final class SepBlacklistAdd extends SepBlacklistCall {
    @Parameters(index = "1", paramLabel = "HASH", description = "MD5 or SHA-256.")
    String hash;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description for a new list.")
    String description;

    @Mixin
    SepConfirmOptions confirm;

    @Override
    void validate() {
        SepBlacklistRemove.checkHash(hash);
    }

    @Override
    int run(SepConnection sepm) {
        String domainId = domainId(sepm.client());
        boolean exists = sepm.client().fingerprintListByName(name, domainId).isPresent();
        if (!confirm.approve(out(), err(), "add " + hash.strip().toLowerCase() + " to " + (exists ? "" : "a new ")
                + "fingerprint list '" + name + "'")) {
            return ExitCodes.OK;
        }
        String id = new FingerprintListEditor(sepm.client()).addHash(name, domainId, hash.strip(), description);
        if (json()) SepJson.line(out(), java.util.Map.of("id", id, "name", name));
        else out().println("Fingerprint list '" + name + "' (" + id + ") holds " + hash.strip().toLowerCase());
        return ExitCodes.OK;
    }
}
