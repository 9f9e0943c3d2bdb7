package riposte.symantec.sepm;

import java.time.Instant;
import java.util.Map;

/**
 * The "endpoint status summary" row: how many endpoints were looked at, how many are non-compliant (each counted
 * once, whatever the number of its issues), and per issue how many endpoints have it.
 */
public record ComplianceSummary(Instant asOf, long total, long nonCompliant, Map<ComplianceIssue, Long> byIssue) {
    public ComplianceSummary {
        byIssue = Map.copyOf(byIssue);
    }

    public long compliant() {
        return total - nonCompliant;
    }

    /** Endpoints with this issue. */
    public long count(ComplianceIssue issue) {
        return byIssue.getOrDefault(issue, 0L);
    }

    /** True if every endpoint is compliant. */
    public boolean allCompliant() {
        return nonCompliant == 0;
    }
}
