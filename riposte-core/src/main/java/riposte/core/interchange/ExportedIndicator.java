package riposte.core.interchange;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import riposte.core.indicator.Indicator;

/**
 * What the STIX writer needs of one indicator: its value, when Riposte first and last changed what it knows of
 * it ({@code modified} must grow when the content does, so a platform takes the re-export as a new version), an
 * optional confidence 0–100 and an optional description (free text, written as JSON data, never interpreted).
 */
public record ExportedIndicator(
        Indicator indicator, Instant created, Instant modified, OptionalInt confidence, Optional<String> description) {

    public ExportedIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(description, "description");
        if (modified.isBefore(created)) throw new IllegalArgumentException("modified before created");
        if (confidence.isPresent() && (confidence.getAsInt() < 0 || confidence.getAsInt() > 100)) {
            throw new IllegalArgumentException("confidence must be 0-100, was " + confidence.getAsInt());
        }
    }
}
