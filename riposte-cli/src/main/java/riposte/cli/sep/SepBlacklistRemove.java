package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.symantec.sepm.FingerprintListEditor;

/** {@code riposte sep blacklist remove NAME HASH}: removes a hash (the list is deleted when it was the last one). */
@Command(name = "remove", header = "Remove a hash from a fingerprint list, deleting the list if it was the last hash (asks for confirmation).")
final class SepBlacklistRemove extends SepBlacklistCall {
    @Parameters(index = "1", paramLabel = "HASH", description = "MD5 or SHA-256.")
    String hash;

    @Mixin
    SepConfirmOptions confirm;

    @Override
    void validate() {
        checkHash(hash);
    }

    @Override
    int run(SepConnection sepm) {
        if (!confirm.approve(out(), err(), "remove " + hash.strip().toLowerCase() + " from fingerprint list '" + name
                + "' (the list is deleted if it is its last hash)")) {
            return ExitCodes.OK;
        }
        var outcome = new FingerprintListEditor(sepm.client()).removeHash(name, domainId(sepm.client()), hash.strip());
        if (json()) SepJson.line(out(), java.util.Map.of("name", name, "outcome", outcome.name()));
        else out().println(switch (outcome) {
            case NO_SUCH_LIST -> "No fingerprint list is named '" + name + "': nothing changed.";
            case NOT_PRESENT -> "'" + name + "' does not hold " + hash.strip().toLowerCase() + ": nothing changed.";
            case REMOVED -> "Removed " + hash.strip().toLowerCase() + " from '" + name + "'.";
            case LIST_DELETED -> "Removed " + hash.strip().toLowerCase() + ", the last hash of '" + name + "', so the list was deleted.";
        });
        return ExitCodes.OK;
    }

    /** Fingerprint lists take MD5 and SHA-256 (exit 2 otherwise, nothing sent). */
    static void checkHash(String hash) {
        Indicator h;
        try {
            h = IndicatorParser.parse(hash.strip());
        } catch (InvalidIndicatorException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (h.type() != IndicatorType.MD5 && h.type() != IndicatorType.SHA256) {
            throw new CliException(ExitCodes.USAGE, "'" + hash + "' is a " + h.type().label() + ": fingerprint lists take MD5 (32 hex digits) or SHA-256 (64)");
        }
    }
}
