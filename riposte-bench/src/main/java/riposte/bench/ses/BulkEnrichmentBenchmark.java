package riposte.bench.ses;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Process sim = startSimulator(s);
        try {
            URI base = awaitUrl(sim);
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
                long throttled = stat(base, "tooManyRequests");
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %.1f | %.1f | %.1f | %.2f | %d | %d |%n",
                        s.name(), s.latencyMs(), s.rateLimit(), s.concurrency(), done.get(), seconds, rate,
                        s.ceiling(), rate / s.ceiling(), lost.get(), throttled);
            }
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startSimulator(Scenario s) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "riposte.cli.Riposte",
                "simulate", "ses", "--port", "0", "--latency-ms", String.valueOf(s.latencyMs()),
                "--rate-limit", String.valueOf(s.rateLimit()))
                .redirectErrorStream(true).start();
    }

    private static URI awaitUrl(Process sim) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (\\S+)");
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the simulator exited before listening");
    }

    /** Reads one top-level counter of the simulator's /_sim/stats. */
    private static long stat(URI base, String key) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/_sim/stats")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
        return json.path(key).asLong();
    }
}
