package riposte.cli.sep;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.ComplianceCalculator;
import riposte.symantec.sepm.ComplianceIssue;
import riposte.symantec.sepm.ComplianceThresholds;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.EndpointCompliance;
import riposte.symantec.sepm.ProtectionFeature;

/**
 * {@code riposte sep compliance}: the integration guide's "endpoint status summary" and "non-compliant endpoints
 * status details", in one streaming pass over every computer (each non-compliant endpoint is printed as it is
 * found; the summary follows). {@code --json}: JSON Lines, one non-compliant endpoint a line, then
 * {@code {"summary":…}}.
 */
@Command(name = "compliance", header = "Endpoint status summary and non-compliant endpoint details (thresholds configurable).")
final class SepComplianceCommand extends SepCall {
    enum HostIntegrity { LENIENT, STRICT, OFF }

    @Option(names = "--max-heartbeat-age", paramLabel = "S", description = "Seconds since the last status update before an endpoint is out of date (default 900).")
    long maxHeartbeatAge = ComplianceThresholds.DEFAULT_MAX_HEARTBEAT_AGE.toSeconds();

    @Option(names = "--features", split = ",", paramLabel = "FEATURE",
            description = "Engines that must be on, comma-separated (default all): ${COMPLETION-CANDIDATES}.")
    List<ProtectionFeature> features;

    @Option(names = "--host-integrity", paramLabel = "MODE", defaultValue = "LENIENT",
            description = "LENIENT: only a reported failure fails (default); STRICT: anything but 'passed' fails (the old integration's rule); OFF.")
    HostIntegrity hostIntegrity;

    @Option(names = "--ignore-offline", description = "Do not count offline endpoints as non-compliant.")
    boolean ignoreOffline;

    @Option(names = "--summary-only", description = "Only the summary, not the non-compliant endpoints.")
    boolean summaryOnly;

    @Override
    void validate() {
        if (maxHeartbeatAge < 1) throw new CliException(ExitCodes.USAGE, "--max-heartbeat-age must be at least 1 second, was " + maxHeartbeatAge);
    }

    @Override
    int run(SepConnection sepm) {
        ComplianceThresholds defaults = ComplianceThresholds.defaults();
        ComplianceThresholds th = defaults.withMaxHeartbeatAge(Duration.ofSeconds(maxHeartbeatAge))
                .withRequiredFeatures(features == null ? defaults.requiredFeatures() : EnumSet.copyOf(features))
                .withHostIntegrity(hostIntegrity != HostIntegrity.OFF, hostIntegrity == HostIntegrity.STRICT)
                .withOfflineIsNonCompliant(!ignoreOffline);
        var calc = new ComplianceCalculator(th, Clock.fixed(sepm.now(), ZoneOffset.UTC));
        long total = 0;
        long nonCompliant = 0;
        Map<ComplianceIssue, Long> byIssue = new EnumMap<>(ComplianceIssue.class);
        TextTable t = json() || summaryOnly ? null : new TextTable(out()).column("COMPUTER", 20).column("COMPUTER ID", 32)
                .column("IP", 15).column("OS", 22).column("ISSUES", 40).column("DETAILS", 10).header();
        try (Stream<Computer> computers = sepm.client().computers(ComputerQuery.all())) {
            for (Computer c : (Iterable<Computer>) computers::iterator) {
                total++;
                EndpointCompliance e = calc.evaluate(c);
                if (e.compliant()) continue;
                nonCompliant++;
                e.issues().forEach(i -> byIssue.merge(i, 1L, Long::sum));
                if (summaryOnly) continue;
                if (t == null) SepJson.line(out(), e);
                else t.row(e.computerName(), e.computerId(), e.ipAddresses().isEmpty() ? "" : e.ipAddresses().get(0),
                        e.operatingSystem(), e.issues().stream().sorted().map(Enum::name).collect(Collectors.joining(",")), details(e));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("asOf", sepm.now().toString());
        summary.put("total", total);
        summary.put("compliant", total - nonCompliant);
        summary.put("nonCompliant", nonCompliant);
        for (ComplianceIssue i : ComplianceIssue.values()) summary.put(i.name(), byIssue.getOrDefault(i, 0L));
        if (json()) {
            SepJson.line(out(), Map.of("summary", summary));
        } else {
            if (t != null) out().println();
            out().println("Endpoint status summary: " + total + " endpoints, " + (total - nonCompliant) + " compliant, "
                    + nonCompliant + " non-compliant");
            for (ComplianceIssue i : ComplianceIssue.values()) out().printf("  %-26s %d%n", i.name(), byIssue.getOrDefault(i, 0L));
        }
        out().flush();
        return ExitCodes.OK;
    }

    private static String details(EndpointCompliance e) {
        StringBuilder s = new StringBuilder();
        if (!e.disabledFeatures().isEmpty()) s.append("off: ").append(e.disabledFeatures()).append(' ');
        if (!e.malfunctioningFeatures().isEmpty()) s.append("malfunctioning: ").append(e.malfunctioningFeatures()).append(' ');
        s.append("last update: ").append(e.lastUpdate() == null ? "never" : e.lastUpdate());
        if (e.issues().contains(ComplianceIssue.HOST_INTEGRITY_FAILED)) s.append("; ").append(e.hostIntegrity());
        return s.toString();
    }
}
