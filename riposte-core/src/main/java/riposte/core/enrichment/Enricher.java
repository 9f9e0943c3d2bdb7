package riposte.core.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import riposte.core.indicator.Indicator;

/**
 * Enriches one indicator from one {@link ThreatIntelSource}: asks the cache, then the source, for each requested
 * section the source offers, records per-section failures instead of throwing, and computes the verdict.
 * Thread-safe; sections are fetched one after the other (callers parallelise across indicators). Identical lookups
 * in flight at the same time (same section and indicator, e.g. a bulk job and a rule's run on the indicator it just
 * created) are coalesced: one request to the source, its outcome shared by every caller.
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
    /** The lookups in flight, so that identical ones share one request (single flight). */
    private final java.util.concurrent.ConcurrentMap<Flight, java.util.concurrent.CompletableFuture<SectionOutcome>>
            inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    private record Flight(Section section, Indicator indicator) {}

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

    /**
     * Enriches {@code indicator} for {@code sections}; never throws for a source failure. Sections the cache cannot
     * answer are fetched in parallel on virtual threads, so a one-shot lookup waits for the slowest section, not the
     * sum of them; cache hits stay on the calling thread.
     */
    public Enrichment enrich(Indicator indicator, Set<Section> sections) {
        Section[] wanted = (sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections))
                .toArray(Section[]::new);
        SectionOutcome[] outcomes = new SectionOutcome[wanted.length];
        int misses = 0;
        for (int i = 0; i < wanted.length; i++) {
            outcomes[i] = answerWithoutFetching(wanted[i], indicator);
            if (outcomes[i] == null) misses++;
        }
        if (misses == 1) {
            for (int i = 0; i < wanted.length; i++) {
                if (outcomes[i] == null) outcomes[i] = fetch(wanted[i], indicator);
            }
        } else if (misses > 1) {
            fetchInParallel(indicator, wanted, outcomes);
        }
        List<SectionResult> results = new ArrayList<>(wanted.length);
        for (SectionOutcome o : outcomes) {
            if (o instanceof SectionOutcome.Fetched f) results.add(f.result());
        }
        return new Enrichment(indicator, List.of(outcomes), policy.assess(results));
    }

    /** One section, from the cache if fresh. */
    public SectionOutcome outcome(Section section, Indicator indicator) {
        SectionOutcome known = answerWithoutFetching(section, indicator);
        return known != null ? known : fetch(section, indicator);
    }

    private void fetchInParallel(Indicator indicator, Section[] wanted, SectionOutcome[] outcomes) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SectionOutcome>> futures = new ArrayList<>(wanted.length);
            for (int i = 0; i < wanted.length; i++) {
                Section section = wanted[i];
                futures.add(outcomes[i] == null ? threads.submit(() -> fetch(section, indicator)) : null);
            }
            for (int i = 0; i < wanted.length; i++) {
                if (futures.get(i) != null) outcomes[i] = join(futures.get(i), wanted[i]);
            }
        }
    }

    private static SectionOutcome join(Future<SectionOutcome> future, Section section) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SectionOutcome.Failed(section, ErrorKind.INTERNAL, "interrupted", true);
        } catch (ExecutionException e) {
            // fetch() catches RuntimeExceptions itself; only an Error can get here.
            throw new IllegalStateException("fetching " + section.jsonName() + " failed", e.getCause());
        }
    }

    /** The outcome when no request is needed (not applicable, or a fresh cache entry); null when it must be fetched. */
    private SectionOutcome answerWithoutFetching(Section section, Indicator indicator) {
        if (!source.sections().contains(section)) {
            return new SectionOutcome.NotApplicable(section, "the source " + source.id() + " has no " + section.jsonName());
        }
        Optional<String> why = source.whyNotApplicable(section, indicator);
        if (why.isPresent()) return new SectionOutcome.NotApplicable(section, why.get());
        SectionCache.Entry hit = cache.get(source.id(), section, indicator);
        if (hit != null) {
            return new SectionOutcome.Fetched(hit.result(), new Provenance(source.id(), true, hit.fetchedAt(), cache.age(hit)));
        }
        return null;
    }

    /**
     * Fetches, or joins an identical fetch already in flight. The caller that starts a flight looks at the cache
     * once more first: a flight that ended between its cache miss and its start has filled the cache.
     */
    private SectionOutcome fetch(Section section, Indicator indicator) {
        Flight key = new Flight(section, indicator);
        java.util.concurrent.CompletableFuture<SectionOutcome> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<SectionOutcome> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs, section);
        }
        SectionOutcome outcome = null;
        try {
            SectionOutcome cached = answerWithoutFetching(section, indicator);
            outcome = cached != null ? cached : fetchFromSource(section, indicator);
            return outcome;
        } finally {
            // An Error leaves outcome null: the callers that joined get an internal failure instead.
            mine.complete(outcome != null ? outcome
                    : new SectionOutcome.Failed(section, ErrorKind.INTERNAL, "the shared lookup failed", true));
            inFlight.remove(key, mine);
        }
    }

    private SectionOutcome fetchFromSource(Section section, Indicator indicator) {
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
