package riposte.core.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import riposte.core.indicator.Indicator;

/**
 * Enriches one indicator from one {@link ThreatIntelSource}: asks the cache, then the source, for each requested
 * section the source offers, records per-section failures instead of throwing, and computes the verdict.
 * Thread-safe; sections are fetched one after the other (callers parallelise across indicators).
 *
 * <pre>{@code
 * Enricher enricher = new Enricher(source, SectionCache.inMemory(SectionTtls.defaults(), clock, 100_000),
 *         new VerdictPolicy(), clock);
 * Enrichment e = enricher.enrich(indicator, EnumSet.of(Section.INSIGHT, Section.PROTECTION));
 * }</pre>
 */
public final class Enricher {
    private final ThreatIntelSource source;
    private final SectionCache cache;
    private final VerdictPolicy policy;
    private final Clock clock;

    public Enricher(ThreatIntelSource source, SectionCache cache, VerdictPolicy policy, Clock clock) {
        this.source = source;
        this.cache = cache;
        this.policy = policy;
        this.clock = clock;
    }

    public Enricher(ThreatIntelSource source, SectionCache cache, VerdictPolicy policy) {
        this(source, cache, policy, Clock.systemUTC());
    }

    /** Enriches {@code indicator} for every section the source offers. */
    public Enrichment enrich(Indicator indicator) {
        return enrich(indicator, source.sections());
    }

    /** Enriches {@code indicator} for {@code sections}; never throws for a source failure. */
    public Enrichment enrich(Indicator indicator, Set<Section> sections) {
        EnumSet<Section> wanted = sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
        List<SectionOutcome> outcomes = new ArrayList<>(wanted.size());
        List<SectionResult> results = new ArrayList<>(wanted.size());
        for (Section section : wanted) {
            SectionOutcome o = outcome(section, indicator);
            outcomes.add(o);
            if (o instanceof SectionOutcome.Fetched f) results.add(f.result());
        }
        return new Enrichment(indicator, outcomes, policy.assess(results));
    }

    /** One section, from the cache if fresh. */
    public SectionOutcome outcome(Section section, Indicator indicator) {
        if (!source.sections().contains(section)) {
            return new SectionOutcome.NotApplicable(section, "the source " + source.id() + " has no " + section.jsonName());
        }
        Optional<String> why = source.whyNotApplicable(section, indicator);
        if (why.isPresent()) return new SectionOutcome.NotApplicable(section, why.get());
        SectionCache.Entry hit = cache.get(source.id(), section, indicator);
        if (hit != null) {
            return new SectionOutcome.Fetched(hit.result(), new Provenance(source.id(), true, hit.fetchedAt(), cache.age(hit)));
        }
        try {
            Instant fetchedAt = clock.instant();
            SectionResult result = source.fetch(section, indicator);
            cache.put(source.id(), result, fetchedAt);
            return new SectionOutcome.Fetched(result, new Provenance(source.id(), false, fetchedAt, Duration.ZERO));
        } catch (RuntimeException e) {
            if (e instanceof ClassifiedException c) {
                return new SectionOutcome.Failed(section, c.errorKind(), e.getMessage(), c.retriable());
            }
            return new SectionOutcome.Failed(section, ErrorKind.INTERNAL,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        }
    }
}
