package riposte.bench.ses;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionTtls;
import riposte.core.enrichment.VerdictPolicy;
import riposte.core.indicator.Indicator;
import riposte.simulator.ses.SesSimulator;
import riposte.symantec.ses.SesCache;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;
import riposte.symantec.ses.SesThreatIntelSource;

/**
 * Repeated lookups answered by the in-process cache: the full {@link Enricher#enrich} path (cache lookups for
 * every applicable section, verdict) for 1 024 files and domains fetched once from the simulator. Target: at least
 * 100 000 lookups per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CachedLookupBenchmark {
    private static final int INDICATORS = 1024;
    private static final Set<Section> ALL = EnumSet.allOf(Section.class);

    private SesSimulator simulator;
    private SesClient client;
    private Enricher enricher;
    private Indicator[] indicators;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        simulator = SesSimulator.builder().port(0).seed(7).build().start();
        client = SesClient.builder().baseUrl(simulator.baseUrl())
                .credentials(SesCredentials.ofClientIdAndSecret(simulator.clientId(), simulator.clientSecret())).build();
        enricher = new Enricher(new SesThreatIntelSource(client),
                SesCache.create(SectionTtls.defaults(), Clock.systemUTC(), 100_000), new VerdictPolicy());
        List<Indicator> list = new java.util.ArrayList<>();
        list.addAll(simulator.population().maliciousFiles(INDICATORS / 2));
        list.addAll(simulator.population().maliciousDomains(INDICATORS / 2));
        indicators = list.toArray(Indicator[]::new);
        for (Indicator indicator : indicators) {
            Enrichment e = enricher.enrich(indicator, ALL);
            if (e.hasFailures()) throw new IllegalStateException("warm-up failed for " + indicator + ": " + e);
        }
    }

    @Benchmark
    public Enrichment cachedLookup() {
        Indicator indicator = indicators[next++ & (INDICATORS - 1)];
        return enricher.enrich(indicator, ALL);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        simulator.close();
    }
}
