package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code riposte sep unquarantine}: lifts the network quarantine (not destructive: no confirmation). */
@Command(name = "unquarantine", header = "Lift the network quarantine of endpoints.")
final class SepUnquarantineCommand extends SepCall {
    @Mixin
    SepTargetOptions targets;

    @Mixin
    SepWaitOptions wait;

    @Override
    void validate() {
        targets.validate();
        wait.validate();
    }

    @Override
    int run(SepConnection sepm) throws InterruptedException {
        var resolved = targets.resolve(sepm.client());
        err().println("Lifting the quarantine of " + resolved.description());
        return SepAsync.finish(this, sepm, sepm.client().undoQuarantine(resolved.targets()).ids(), wait);
    }
}
