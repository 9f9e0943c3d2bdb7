package riposte.symantec.sepm;

import java.util.List;

/**
 * The parsed {@code resultInXML} of one endpoint's EOC command row: the scan type, the remediation action (or
 * null) and, per file criterion, the matches. Counting follows fn_sep's, with identical {@code <Matched>}
 * elements counted once.
 */
public record EocResult(String scanType, String remediationAction, List<EocCriterion> criteria) {
    public EocResult {
        criteria = List.copyOf(criteria);
    }

    /** Every match other than {@code NO_MATCH}, distinct, in document order. */
    public List<EocMatch> matches() {
        return criteria.stream().flatMap(c -> c.matches().stream())
                .filter(m -> !(m instanceof EocMatch.NoMatch)).distinct().toList();
    }

    /** True if anything matched. */
    public boolean matched() {
        return !matches().isEmpty();
    }

    /** Matches whose remediation succeeded. */
    public long remediatedCount() {
        return matches().stream().filter(m -> m.remediation() == Remediation.SUCCEEDED).count();
    }

    /** Matches whose remediation failed. */
    public long remediationFailedCount() {
        return matches().stream().filter(m -> m.remediation() == Remediation.FAILED).count();
    }
}
