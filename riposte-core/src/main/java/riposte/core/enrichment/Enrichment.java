package riposte.core.enrichment;

import java.util.List;
import java.util.Optional;
import riposte.core.indicator.Indicator;

/** The enrichment of one indicator: one outcome per requested section, in {@link Section} order, and the verdict. */
public record Enrichment(Indicator indicator, List<SectionOutcome> outcomes, Assessment assessment) {
    public Enrichment {
        outcomes = List.copyOf(outcomes);
    }

    public Optional<SectionOutcome> outcome(Section section) {
        return outcomes.stream().filter(o -> o.section() == section).findFirst();
    }

    /** True if any section failed (as opposed to being fetched or not applicable). */
    public boolean hasFailures() {
        return outcomes.stream().anyMatch(o -> o instanceof SectionOutcome.Failed);
    }
}
