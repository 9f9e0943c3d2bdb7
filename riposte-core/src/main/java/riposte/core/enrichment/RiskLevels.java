package riposte.core.enrichment;

import java.util.List;

/** Symantec WebPulse threat-risk levels 0–10 and their labels, as the existing integrations show them. */
public final class RiskLevels {
    private static final List<String> LABELS = List.of("Customer Override", "Very Safe", "Safe", "Probably Safe",
            "Leans Safe", "May Not Be Safe", "Exercise Caution", "Suspicious/Risky", "Possibly Malicious",
            "Probably Malicious", "Malicious");

    private RiskLevels() {}

    /** The label of {@code level}, or {@code "Unknown"} outside 0–10. */
    public static String label(int level) {
        return level >= 0 && level < LABELS.size() ? LABELS.get(level) : "Unknown";
    }
}
