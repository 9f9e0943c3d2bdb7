package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.EocRequest;
import riposte.symantec.sepm.ScanType;

/** {@code riposte sep remediate}: an EOC scan that quarantines every file matching the hash. Destructive. */
@Command(name = "remediate", header = "Quarantine every file matching a hash on the endpoints (asks for confirmation).")
final class SepRemediateCommand extends SepCall {
    @Mixin
    SepTargetOptions targets;

    @Mixin
    SepCriteriaOptions criteria;

    @Mixin
    SepWaitOptions wait;

    @Mixin
    SepConfirmOptions confirm;

    @Option(names = "--full", description = "Full scan instead of a quick scan.")
    boolean full;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description recorded with the command.")
    String description;

    @Override
    void validate() {
        targets.validate();
        criteria.validate(true);
        wait.validate();
    }

    @Override
    int run(SepConnection sepm) throws InterruptedException {
        var resolved = targets.resolve(sepm.client());
        EocRequest request = criteria.apply(EocRequest.scan(full ? ScanType.FULL_SCAN : ScanType.QUICK_SCAN, resolved.targets())
                .description(description).remediate(true)).build();
        if (!confirm.approve(out(), err(), "remediate (quarantine files matching " + criteria.describe() + ") on " + resolved.description())) {
            return ExitCodes.OK;
        }
        return SepAsync.finish(this, sepm, sepm.client().eocScan(request).ids(), wait);
    }
}
