package riposte.symantec.sepm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Computes endpoint compliance from {@link Computer} records, as the IBM Resilient integration's "status summary"
 * and "non-compliant details" do, with its bugs fixed:
 * <ul>
 *   <li>its engine test ({@code not x != 2 and not x}) was never true, so no endpoint was ever "disabled": here a
 *       required feature whose flag is 0 is disabled, and 4 malfunctioning;</li>
 *   <li>it failed Host Integrity for every endpoint whose {@code quarantineDesc} lacked "passed", including
 *       endpoints where the check is disabled and macOS/Linux endpoints, which have none: here only a reported
 *       failure fails (the old rule is {@link ComplianceThresholds#strictHostIntegrity()});</li>
 *   <li>a null {@code lastUpdateTime} crashed it ({@code int(None)}): here it means never reported, out of date;</li>
 *   <li>it read one page of at most {@code pageSize} computers: here the caller streams every page.</li>
 * </ul>
 * Streams are consumed once and never collected, so a fleet of any size is summarised in constant memory.
 */
public final class ComplianceCalculator {
    private final ComplianceThresholds thresholds;
    private final Clock clock;

    public ComplianceCalculator(ComplianceThresholds thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** The compliance of one endpoint, as of the clock's now. */
    public EndpointCompliance evaluate(Computer c) {
        return evaluate(c, clock.instant());
    }

    /** The summary over all computers of the stream. */
    public ComplianceSummary summarize(Stream<Computer> computers) {
        Instant now = clock.instant();
        long[] totals = new long[2];
        Map<ComplianceIssue, Long> byIssue = new EnumMap<>(ComplianceIssue.class);
        computers.forEach(c -> {
            EndpointCompliance e = evaluate(c, now);
            totals[0]++;
            if (!e.compliant()) totals[1]++;
            e.issues().forEach(i -> byIssue.merge(i, 1L, Long::sum));
        });
        return new ComplianceSummary(now, totals[0], totals[1], byIssue);
    }

    /** The non-compliant endpoints of the stream, lazily. */
    public Stream<EndpointCompliance> nonCompliant(Stream<Computer> computers) {
        Instant now = clock.instant();
        return computers.map(c -> evaluate(c, now)).filter(e -> !e.compliant());
    }

    EndpointCompliance evaluate(Computer c, Instant now) {
        Set<ComplianceIssue> issues = EnumSet.noneOf(ComplianceIssue.class);
        if (thresholds.offlineIsNonCompliant() && c.onlineStatus() != null && c.onlineStatus() == 0) {
            issues.add(ComplianceIssue.OFFLINE);
        }
        if (thresholds.checkHostIntegrity() && hostIntegrityFailed(c.quarantineDesc())) {
            issues.add(ComplianceIssue.HOST_INTEGRITY_FAILED);
        }
        Instant lastUpdate = c.lastUpdateTime() == null || c.lastUpdateTime() <= 0 ? null : Instant.ofEpochMilli(c.lastUpdateTime());
        if (lastUpdate == null || Duration.between(lastUpdate, now).compareTo(thresholds.maxHeartbeatAge()) > 0) {
            issues.add(ComplianceIssue.OUT_OF_DATE);
        }
        List<ProtectionFeature> disabled = new ArrayList<>();
        List<ProtectionFeature> broken = new ArrayList<>();
        for (ProtectionFeature f : ProtectionFeature.values()) {
            if (!thresholds.requiredFeatures().contains(f)) continue;
            Integer flag = f.flag(c);
            if (flag == null) continue;
            if (flag == ProtectionFeature.OFF) disabled.add(f);
            if (flag == ProtectionFeature.MALFUNCTIONING) broken.add(f);
        }
        if (!disabled.isEmpty()) issues.add(ComplianceIssue.PROTECTION_DISABLED);
        if (!broken.isEmpty()) issues.add(ComplianceIssue.PROTECTION_MALFUNCTIONING);
        ComputerGroup g = c.group();
        String os = c.osName() != null ? c.osName() : c.operatingSystem();
        return new EndpointCompliance(c.uniqueId(), c.computerName(), c.hardwareKey(), g == null ? null : g.path(),
                c.ipAddresses(), os, issues, disabled, broken, lastUpdate, c.quarantineDesc());
    }

    private boolean hostIntegrityFailed(String desc) {
        String d = desc == null ? "" : desc.toLowerCase(Locale.ROOT);
        if (d.contains("host integrity check passed")) return false;
        if (thresholds.strictHostIntegrity()) return true;
        return d.contains("host integrity check failed") || d.contains("host integrity check has failed");
    }
}
