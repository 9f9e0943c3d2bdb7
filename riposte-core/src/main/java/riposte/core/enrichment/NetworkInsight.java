package riposte.core.enrichment;

import java.time.LocalDate;
import java.util.List;
import riposte.core.indicator.Indicator;

/**
 * Network Insight for a domain, IPv4 address or URL: WebPulse risk level (0–10), categories, reputation,
 * prevalence, first/last seen, targeted organisations and actors. Missing fields are null, lists never null.
 * {@code echo} is the indicator as the source echoed it (for URLs, still percent-encoded).
 */
public record NetworkInsight(
        Indicator indicator,
        String echo,
        Integer threatRiskLevel,
        List<Category> categories,
        Reputation reputation,
        Prevalence prevalence,
        LocalDate firstSeen,
        LocalDate lastSeen,
        List<String> topCountries,
        List<String> topIndustries,
        List<String> actors,
        String raw) implements SectionResult {

    public NetworkInsight {
        categories = List.copyOf(categories);
        topCountries = List.copyOf(topCountries);
        topIndustries = List.copyOf(topIndustries);
        actors = List.copyOf(actors);
    }

    @Override
    public Section section() {
        return Section.INSIGHT;
    }

    @Override
    public boolean isEmpty() {
        return threatRiskLevel == null && categories.isEmpty() && reputation == null && prevalence == null
                && firstSeen == null && lastSeen == null && topCountries.isEmpty() && topIndustries.isEmpty()
                && actors.isEmpty();
    }
}
