package riposte.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;

class EnricherTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** Answers insight with reputation BAD for SHA-256, fails protection while {@code failing} is set. */
    private static class FakeSource implements ThreatIntelSource {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failing;

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INSIGHT, Section.PROTECTION);
        }

        @Override
        public Optional<String> whyNotApplicable(Section section, Indicator indicator) {
            return indicator.type() == IndicatorType.SHA256 ? Optional.empty()
                    : Optional.of("the file endpoints take SHA-256 only; " + indicator.type().label() + " is not accepted");
        }

        @Override
        public SectionResult fetch(Section section, Indicator indicator) {
            calls.incrementAndGet();
            if (section == Section.PROTECTION && failing) throw new Upstream();
            String raw = section == Section.INSIGHT ? "{\"file\":\"x\",\"reputation\":\"BAD\"}" : "{\"file\":\"x\",\"state\":[]}";
            return SectionParser.parse(section, indicator, raw);
        }
    }

    static final class Upstream extends RuntimeException implements ClassifiedException {
        Upstream() {
            super("HTTP 503 (gave up after 5 attempts)");
        }

        @Override
        public ErrorKind errorKind() {
            return ErrorKind.UPSTREAM;
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    private final FakeSource source = new FakeSource();
    private final SectionCache cache = SectionCache.inMemory(SectionTtls.defaults(), clock, 1000);
    private final Enricher enricher = new Enricher(source, cache, new VerdictPolicy(), clock);

    /** Identical lookups in flight at once share one request; the shared outcome reaches every caller. */
    @Test
    void identicalLookupsInFlightShareOneRequest() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger(); // not "calls": FakeSource has a field of that name
        ThreatIntelSource slow = new FakeSource() {
            @Override
            public SectionResult fetch(Section section, Indicator indicator) {
                requests.incrementAndGet();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.fetch(section, indicator);
            }
        };
        Enricher shared = new Enricher(slow, SectionCache.inMemory(SectionTtls.defaults(), clock, 1000),
                new VerdictPolicy(), clock);
        Indicator sha = IndicatorParser.parse("eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d");
        List<Thread> callers = new java.util.ArrayList<>();
        List<SectionOutcome> outcomes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = Thread.ofVirtual().start(() -> outcomes.add(shared.outcome(Section.INSIGHT, sha)));
            callers.add(t);
        }
        // every caller is parked: one in the source, seven waiting for its answer
        while (callers.stream().anyMatch(t -> t.getState() != Thread.State.WAITING
                && t.getState() != Thread.State.TIMED_WAITING)) {
            Thread.sleep(5);
        }
        release.countDown();
        for (Thread t : callers) t.join();
        assertThat(requests).hasValue(1);
        assertThat(outcomes).hasSize(8).allSatisfy(o -> assertThat(o).isInstanceOf(SectionOutcome.Fetched.class));
        // and the next one is answered from the cache
        assertThat(shared.outcome(Section.INSIGHT, sha)).isInstanceOfSatisfying(SectionOutcome.Fetched.class,
                f -> assertThat(f.provenance().cacheHit()).isTrue());
        assertThat(requests).hasValue(1);
    }

    @Test
    void cacheHitCarriesProvenanceAndAgeUntilTheTtlRunsOut() {
        Indicator sha = SectionParserTest.SHA;
        Enrichment first = enricher.enrich(sha, EnumSet.of(Section.INSIGHT));
        SectionOutcome.Fetched miss = (SectionOutcome.Fetched) first.outcomes().get(0);
        assertThat(miss.provenance()).isEqualTo(new Provenance("fake", false, clock.instant(), Duration.ZERO));
        assertThat(first.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);

        clock.advance(Duration.ofMinutes(59));
        SectionOutcome.Fetched hit = (SectionOutcome.Fetched) enricher.outcome(Section.INSIGHT, sha);
        assertThat(hit.provenance().cacheHit()).isTrue();
        assertThat(hit.provenance().age()).isEqualTo(Duration.ofMinutes(59));
        assertThat(hit.provenance().fetchedAt()).isEqualTo(miss.provenance().fetchedAt());
        assertThat(source.calls).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        SectionOutcome.Fetched again = (SectionOutcome.Fetched) enricher.outcome(Section.INSIGHT, sha);
        assertThat(again.provenance().cacheHit()).isFalse();
        assertThat(source.calls).hasValue(2);
    }

    @Test
    void sectionsHaveTheirOwnTtls() {
        Indicator sha = SectionParserTest.SHA;
        enricher.enrich(sha, EnumSet.of(Section.INSIGHT, Section.PROTECTION));
        clock.advance(Duration.ofHours(2));
        Enrichment e = enricher.enrich(sha, EnumSet.of(Section.INSIGHT, Section.PROTECTION));
        assertThat(((SectionOutcome.Fetched) e.outcome(Section.INSIGHT).orElseThrow()).provenance().cacheHit()).isFalse();
        assertThat(((SectionOutcome.Fetched) e.outcome(Section.PROTECTION).orElseThrow()).provenance().cacheHit()).isTrue();
    }

    @Test
    void failuresAreRecordedPerSectionAndNotCached() {
        source.failing = true;
        Enrichment e = enricher.enrich(SectionParserTest.SHA, EnumSet.of(Section.PROTECTION, Section.INSIGHT));
        assertThat(e.outcomes()).extracting(SectionOutcome::section).containsExactly(Section.INSIGHT, Section.PROTECTION);
        assertThat(e.outcome(Section.PROTECTION).orElseThrow()).isEqualTo(new SectionOutcome.Failed(Section.PROTECTION,
                ErrorKind.UPSTREAM, "HTTP 503 (gave up after 5 attempts)", true));
        assertThat(e.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(e.hasFailures()).isTrue();

        source.failing = false;
        Enrichment retry = enricher.enrich(SectionParserTest.SHA, EnumSet.of(Section.PROTECTION));
        assertThat(retry.outcome(Section.PROTECTION).orElseThrow()).isInstanceOf(SectionOutcome.Fetched.class);
    }

    @Test
    void inapplicableSectionsSayWhyAndSendNothing() {
        Indicator md5 = IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e");
        Enrichment e = enricher.enrich(md5, EnumSet.of(Section.INSIGHT, Section.HISTORY));
        assertThat(e.outcomes()).containsExactly(
                new SectionOutcome.NotApplicable(Section.INSIGHT, "the file endpoints take SHA-256 only; MD5 is not accepted"),
                new SectionOutcome.NotApplicable(Section.HISTORY, "the source fake has no history"));
        assertThat(source.calls).hasValue(0);
        assertThat(e.assessment()).isEqualTo(new Assessment(Verdict.UNKNOWN, List.of()));
    }

    @Test
    void unclassifiedExceptionsAreInternal() {
        ThreatIntelSource broken = new FakeSource() {
            @Override
            public SectionResult fetch(Section section, Indicator indicator) {
                throw new IllegalStateException("boom");
            }
        };
        SectionOutcome o = new Enricher(broken, SectionCache.NONE, new VerdictPolicy(), clock)
                .outcome(Section.INSIGHT, SectionParserTest.SHA);
        assertThat(o).isEqualTo(new SectionOutcome.Failed(Section.INSIGHT, ErrorKind.INTERNAL, "IllegalStateException: boom", false));
    }
}
