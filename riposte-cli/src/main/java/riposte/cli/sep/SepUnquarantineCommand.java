package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code riposte sep unquarantine}: lifts the network quarantine. It confirms like {@code quarantine}: letting a
 * compromised endpoint back on the network is as consequential as taking it off.
 */
@Command(name = "unquarantine", header = "Lift the network quarantine of endpoints (asks for confirmation).")
final class SepUnquarantineCommand extends SepCall {
    @Mixin
    SepTargetOptions targets;

    @Mixin
    SepWaitOptions wait;

    @Mixin
    SepConfirmOptions confirm;

    @Override
    void validate() {
        targets.validate();
        wait.validate();
    }

    @Override
    int run(SepConnection sepm) throws InterruptedException {
        var resolved = targets.resolve(sepm.client());
        if (!confirm.approve(out(), err(), "lift the network quarantine of " + resolved.description())) {
            return riposte.cli.ExitCodes.OK;
        }
        return SepAsync.finish(this, sepm, sepm.client().undoQuarantine(resolved.targets()).ids(), wait);
    }
}
