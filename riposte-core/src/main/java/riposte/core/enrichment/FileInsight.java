package riposte.core.enrichment;

import java.time.LocalDate;
import java.util.List;
import riposte.core.indicator.Indicator;

/**
 * File Insight: reputation, prevalence, first/last seen, targeted countries and industries, actors and
 * references. Every field but {@code indicator}, {@code echo} and {@code raw} may be null; lists are never null
 * and keep {@code null} elements out.
 */
public record FileInsight(
        Indicator indicator,
        String echo,
        Reputation reputation,
        Prevalence prevalence,
        LocalDate firstSeen,
        LocalDate lastSeen,
        List<String> topCountries,
        List<String> topIndustries,
        List<String> actors,
        List<Reference> associatedReferences,
        String raw) implements SectionResult {

    /** A link to a Broadcom bulletin about the file. */
    public record Reference(String url, String description) {}

    public FileInsight {
        topCountries = List.copyOf(topCountries);
        topIndustries = List.copyOf(topIndustries);
        actors = List.copyOf(actors);
        associatedReferences = List.copyOf(associatedReferences);
    }

    @Override
    public Section section() {
        return Section.INSIGHT;
    }

    @Override
    public boolean isEmpty() {
        return reputation == null && prevalence == null && firstSeen == null && lastSeen == null
                && topCountries.isEmpty() && topIndustries.isEmpty() && actors.isEmpty()
                && associatedReferences.isEmpty();
    }
}
