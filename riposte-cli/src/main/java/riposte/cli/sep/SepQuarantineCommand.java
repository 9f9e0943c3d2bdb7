package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import riposte.cli.ExitCodes;

/** {@code riposte sep quarantine}: network-quarantines endpoints. Destructive. */
@Command(name = "quarantine", header = "Network-quarantine endpoints (asks for confirmation).")
final class SepQuarantineCommand extends SepCall {
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
        if (!confirm.approve(out(), err(), "network-quarantine " + resolved.description())) return ExitCodes.OK;
        return SepAsync.finish(this, sepm, sepm.client().quarantine(resolved.targets()).ids(), wait);
    }
}
