package riposte.core.interchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.Indicator;

/**
 * What the STIX and MISP writers need of one indicator: its value, when Riposte first and last changed what it knows
 * of it ({@code modified} must grow when the content does, so a platform takes the re-export as a new version), an
 * optional confidence 0–100, an optional description (free text, written as JSON data, never interpreted), its TLP,
 * its tags, Symantec's verdict (UNKNOWN is not written), the threat names Symantec gave it, and the indicators
 * Symantec relates it to.
 */
public record ExportedIndicator(
        Indicator indicator, Instant created, Instant modified, OptionalInt confidence, Optional<String> description,
        Optional<Tlp> tlp, List<String> labels, Verdict verdict, List<String> threatNames, List<Indicator> related) {

    public ExportedIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(verdict, "verdict");
        labels = List.copyOf(labels);
        threatNames = List.copyOf(threatNames);
        related = List.copyOf(related);
        if (modified.isBefore(created)) throw new IllegalArgumentException("modified before created");
        if (confidence.isPresent() && (confidence.getAsInt() < 0 || confidence.getAsInt() > 100)) {
            throw new IllegalArgumentException("confidence must be 0-100, was " + confidence.getAsInt());
        }
    }

    /** An indicator with no TLP, tags, verdict, threat names or relations. */
    public ExportedIndicator(Indicator indicator, Instant created, Instant modified, OptionalInt confidence,
            Optional<String> description) {
        this(indicator, created, modified, confidence, description, Optional.empty(), List.of(), Verdict.UNKNOWN,
                List.of(), List.of());
    }

    /** This indicator marked {@code level}. */
    public ExportedIndicator withTlp(Tlp level) {
        return new ExportedIndicator(indicator, created, modified, confidence, description, Optional.of(level), labels,
                verdict, threatNames, related);
    }

    /** This indicator with Symantec's answers and Riposte's tags. */
    public ExportedIndicator withContext(List<String> newLabels, Verdict newVerdict, List<String> newThreatNames,
            List<Indicator> newRelated) {
        return new ExportedIndicator(indicator, created, modified, confidence, description, tlp, newLabels, newVerdict,
                newThreatNames, newRelated);
    }
}
