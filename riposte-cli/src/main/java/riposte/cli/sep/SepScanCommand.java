package riposte.cli.sep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import riposte.symantec.sepm.EocRequest;
import riposte.symantec.sepm.ScanType;

/** {@code riposte sep scan}: an Evidence-of-Compromise scan (asynchronous; {@code --wait} for the results). */
@Command(name = "scan", header = "Scan endpoints for a file by hash or path (EOC scan); --wait lists every match.")
final class SepScanCommand extends SepCall {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Mixin
    SepTargetOptions targets;

    @Mixin
    SepCriteriaOptions criteria;

    @Mixin
    SepWaitOptions wait;

    @Option(names = "--full", description = "Full scan instead of a quick scan.")
    boolean full;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description recorded with the command.")
    String description;

    @Override
    void validate() {
        targets.validate();
        criteria.validate(false);
        wait.validate();
    }

    @Override
    int run(SepConnection sepm) throws InterruptedException {
        var resolved = targets.resolve(sepm.client());
        EocRequest request = criteria.apply(EocRequest.scan(full ? ScanType.FULL_SCAN : ScanType.QUICK_SCAN, resolved.targets())
                .description(description)).build();
        err().println("Scanning " + resolved.description() + " for " + criteria.describe() + (full ? " (full scan)" : " (quick scan)"));
        return SepAsync.finish(this, sepm, sepm.client().eocScan(request).ids(), wait);
    }
}
