package riposte.bench.ses;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import riposte.cli.io.BulkRunner;
import riposte.cli.io.IndicatorInput;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionTtls;
import riposte.core.enrichment.VerdictPolicy;
import riposte.core.indicator.Indicator;
import riposte.simulator.ses.SesPopulation;
import riposte.symantec.ses.SesCache;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;
import riposte.symantec.ses.SesThreatIntelSource;

/**
 * Bulk enrichment against a <em>standalone</em> SES simulator (a second JVM started with
 * {@code riposte simulate ses}) with latency L and rate limit R: the same bulk runner and enricher as
 * {@code riposte intel insight --input}, one request per indicator. Reports indicators per second and the ratio to
 * the ceiling {@code min(R, concurrency / L)}, plus lookups lost (failed after retries) and the 429s the simulator
 * sent. Each scenario uses a fresh client, so the rate governor starts from nothing and must learn R from 429s,
 * unless the scenario gives the client the rate.
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.ses.BulkEnrichmentBenchmark [count [name]]}
 * ({@code name} runs only the scenarios whose name contains it).
 */
public final class BulkEnrichmentBenchmark {

    record Scenario(String name, long latencyMs, double rateLimit, int concurrency, boolean rateKnown) {
        double ceiling() {
            return Math.min(rateLimit, concurrency * 1000.0 / latencyMs);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        List<Scenario> scenarios = List.of(
                new Scenario("latency-bound", 50, 1000, 8, false),
                new Scenario("rate-bound, limit learned from 429s", 20, 100, 16, false),
                new Scenario("429 storm: 64 in flight, limit 50/s", 10, 50, 64, false),
                new Scenario("rate-bound, limit configured", 20, 100, 16, true));
        System.out.println("| scenario | L (ms) | R (/s) | concurrency | indicators | seconds | indicators/s | ceiling min(R, C/L) | ratio | lost | 429s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        SesPopulation population = new SesPopulation(1);
        int offset = 0;
        String only = args.length > 1 ? args[1] : "";
        for (Scenario s : scenarios) {
            if (!s.name().contains(only)) continue;
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) texts.add(population.file(offset + i).value());
            offset += count;
            run(s, texts);
        }
    }

    private static void run(Scenario s, List<String> texts) throws Exception {
        try (SesSimulatorProcess sim = SesSimulatorProcess.start(s.latencyMs(), s.rateLimit())) {
            URI base = sim.baseUrl();
            SesClient.Builder b = SesClient.builder().baseUrl(base).maxConcurrency(s.concurrency())
                    .credentials(SesCredentials.ofClientIdAndSecret("riposte-sim", "riposte-sim-secret"))
                    .maxAttempts(10)
                    // A fresh governor per scenario: each simulator is a new service (and may get a recycled port).
                    .rateGovernorRegistry(new riposte.symantec.http.RateGovernor.Registry());
            if (s.rateKnown()) b.rateLimit(s.rateLimit());
            try (SesClient client = b.build()) {
                Enricher enricher = new Enricher(new SesThreatIntelSource(client),
                        SesCache.create(SectionTtls.defaults(), Clock.systemUTC(), 100_000), new VerdictPolicy());
                AtomicInteger lost = new AtomicInteger();
                AtomicInteger done = new AtomicInteger();
                BulkRunner<Enrichment> runner = new BulkRunner<>(s.concurrency(),
                        (Indicator i) -> enricher.enrich(i, EnumSet.of(Section.INSIGHT)));
                long start = System.nanoTime();
                runner.run(IndicatorInput.fromArguments(texts).iterator(), item -> {
                    if (item instanceof BulkRunner.Item.Done<Enrichment> d) {
                        done.incrementAndGet();
                        if (d.result().hasFailures()) lost.incrementAndGet();
                    }
                    return true;
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = done.get() / seconds;
                long throttled = sim.stat("tooManyRequests");
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %.1f | %.1f | %.1f | %.2f | %d | %d |%n",
                        s.name(), s.latencyMs(), s.rateLimit(), s.concurrency(), done.get(), seconds, rate,
                        s.ceiling(), rate / s.ceiling(), lost.get(), throttled);
            }
        }
    }
}
