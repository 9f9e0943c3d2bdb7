package riposte.core.interchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import riposte.core.indicator.Indicator;

/**
 * One indicator read from a STIX bundle or a MISP event: the value, the TLP it was marked with (empty: unmarked),
 * its labels or tags (TLP tags left out), and a confidence 0–100 when the source gave one.
 */
public record ImportedIndicator(Indicator indicator, Optional<Tlp> tlp, List<String> labels, OptionalInt confidence) {

    public ImportedIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(confidence, "confidence");
        labels = List.copyOf(labels);
    }
}
