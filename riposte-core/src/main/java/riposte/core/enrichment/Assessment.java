package riposte.core.enrichment;

import java.util.List;

/** A verdict and the human-readable evidence for it, e.g. {@code "reputation BAD"}, {@code "category Phishing"}. */
public record Assessment(Verdict verdict, List<String> reasons) {
    public static final Assessment UNKNOWN = new Assessment(Verdict.UNKNOWN, List.of());

    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
