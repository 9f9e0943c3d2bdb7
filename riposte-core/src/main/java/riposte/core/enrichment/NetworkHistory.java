package riposte.core.enrichment;

import java.time.LocalDate;
import java.util.List;
import riposte.core.indicator.Indicator;

/**
 * Categorisation and risk-level history of a network indicator. The reply shape is not public, so each entry is
 * parsed best-effort (a date, a risk level, categories, whichever are present) and keeps its own raw JSON.
 */
public record NetworkHistory(Indicator indicator, String echo, List<Entry> entries, String raw)
        implements SectionResult {

    /** One point in the history; any field may be null. */
    public record Entry(LocalDate date, Integer threatRiskLevel, List<Category> categories, String raw) {
        public Entry {
            categories = List.copyOf(categories);
        }
    }

    public NetworkHistory {
        entries = List.copyOf(entries);
    }

    @Override
    public Section section() {
        return Section.HISTORY;
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
