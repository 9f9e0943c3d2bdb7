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
