package riposte.bench.playbook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.server.RiposteServer;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.RunFilter;
import riposte.server.playbook.RunView;
import riposte.server.system.Actor;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;

/**
 * Overhead of the durable playbook engine (issue 5: at least 500 trivial runs per second and p50 start-to-completed
 * under 20 ms, on H2 and on PostgreSQL).
 *
 * <p>The server runs in-process ({@link RiposteServer#start}) on H2 (in-memory) or PostgreSQL (zonky embedded), with
 * one user playbook, {@code bench-trivial}: a single {@code writeAttributes} step that sets one attribute of the
 * indicator through the server's real ports. Runs are started through {@link PlaybookService#start} (what the REST
 * API and the console call: input validation, the object's snapshot, the run (leased to the node, due for the sweep
 * after the safety net) and its audit record stored in one transaction, then the immediate advance on a virtual
 * thread) on 1 000 indicators in turn, so that runs do not queue
 * on one attribute row.
 *
 * <ul>
 *   <li><b>throughput</b>: {@code --runs} starts from {@code --concurrency} threads as fast as they go; runs per
 *       second = runs / (first start → last run completed).</li>
 *   <li><b>latency</b>: an open load at {@code --rate} runs per second for {@code --seconds}.</li>
 * </ul>
 * Latency is start-to-completed as the server recorded it: each run's {@code updatedAt} (when it was stored
 * COMPLETED) minus its {@code createdAt} (when it was stored QUEUED), read back from the database afterwards.
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.playbook.EngineOverheadBenchmark
 * [--db h2|postgres|all] [--runs 5000] [--concurrency 16] [--rate 200] [--seconds 15] [--h2-url URL]
 * [--server-arg spring.key=value]...}.
 */
public final class EngineOverheadBenchmark {
    private static final String PLAYBOOK = "bench-trivial";
    private static final Actor SYSTEM = () -> Actor.SYSTEM;

    record Options(List<String> dbs, int runs, int concurrency, double rate, int seconds, List<String> serverArgs,
            String h2Url) {
        static Options parse(String[] args) {
            String db = "all";
            int runs = 5000;
            int concurrency = 16;
            double rate = 200;
            int seconds = 15;
            List<String> serverArgs = new ArrayList<>();
            String h2Url = "jdbc:h2:mem:enginebench;DB_CLOSE_DELAY=-1";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--db" -> { db = v; i++; }
                    case "--runs" -> { runs = Integer.parseInt(v); i++; }
                    case "--concurrency" -> { concurrency = Integer.parseInt(v); i++; }
                    case "--rate" -> { rate = Double.parseDouble(v); i++; }
                    case "--seconds" -> { seconds = Integer.parseInt(v); i++; }
                    case "--server-arg" -> { serverArgs.add("--" + v); i++; }
                    case "--h2-url" -> { h2Url = v; i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --db h2|postgres|all --runs N --concurrency N --rate N --seconds N"
                            + " [--server-arg spring.key=value]... [--h2-url jdbc:h2:...]");
                }
            }
            return new Options(db.equals("all") ? List.of("h2", "postgres") : List.of(db), runs, concurrency, rate,
                    seconds, List.copyOf(serverArgs), h2Url);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "# EngineOverheadBenchmark: %d runs at concurrency %d, then %.0f runs/s for %d s;"
                + " %d CPUs; JVM %s %s%n", o.runs(), o.concurrency(), o.rate(), o.seconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> rows = new ArrayList<>();
        for (String db : o.dbs()) rows.addAll(run(db, o));
        System.out.println();
        System.out.println("| database | phase | runs | runs/s | p50 ms | p90 ms | p99 ms | max ms | not completed |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> run(String db, Options o) throws Exception {
        Path dir = Files.createTempDirectory("riposte-enginebench-");
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("bench-trivial.yml"), """
                id: bench-trivial
                version: 1
                name: Benchmark - one attribute
                on:
                  object: indicator
                steps:
                  - id: write
                    writeAttributes:
                      Benchmark Run: run.id
                    source: bench
                """);
        EmbeddedPostgres pg = null;
        ConfigurableApplicationContext server = null;
        try {
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--riposte.security.admin-password=" + UUID.randomUUID(),
                    "--riposte.server.blob-dir=" + dir.resolve("blobs"),
                    "--riposte.secrets.key=" + Base64.getEncoder().encodeToString(new byte[32]),
                    "--riposte.secrets.data-dir=" + dir, "--riposte.playbooks.dir=" + playbooks,
                    "--riposte.playbooks.auto-enrichment.enabled=false", "--logging.level.root=WARN"));
            if (db.equals("postgres")) {
                pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
                args.addAll(List.of("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password="));
            } else {
                args.add("--spring.datasource.url=" + o.h2Url());
            }
            args.addAll(o.serverArgs());
            server = RiposteServer.start(args.toArray(String[]::new));
            PlaybookService service = server.getBean(PlaybookService.class);
            List<ObjectRef> indicators = indicators(server, 1000);

            // warm-up: the JIT, the pools, the first attribute definition
            closedLoop(service, indicators, 1000, o.concurrency());
            awaitCompleted(service, 1000);

            List<String> rows = new ArrayList<>();
            long before = completed(service);
            long start = System.nanoTime();
            closedLoop(service, indicators, o.runs(), o.concurrency());
            long left = awaitCompleted(service, before + o.runs());
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(row(db, "throughput (" + o.concurrency() + " starting threads)", o.runs(), o.runs() / seconds,
                    latencies(service, o.runs()), left));

            before = completed(service);
            int sent = openLoop(service, indicators, o.rate(), o.seconds());
            left = awaitCompleted(service, before + sent);
            rows.add(row(db, String.format(Locale.ROOT, "latency at %.0f runs/s", o.rate()), sent, Double.NaN,
                    latencies(service, sent), left));
            return rows;
        } finally {
            if (server != null) server.close();
            if (pg != null) pg.close();
        }
    }

    /** Creates indicators through the server's own service layer (not measured). */
    private static List<ObjectRef> indicators(ConfigurableApplicationContext server, int n) {
        var indicators = server.getBean(riposte.server.indicator.Indicators.class);
        List<ObjectRef> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = indicators.findOrCreate(Actor.SYSTEM, "bench-" + i + ".example.com").indicator().id();
            refs.add(new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(id)));
        }
        return refs;
    }

    private static void closedLoop(PlaybookService service, List<ObjectRef> objects, int runs, int threads)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                        service.start(PLAYBOOK, objects.get(i % objects.size()), Map.of(), SYSTEM);
                    }
                });
            }
        }
    }

    private static int openLoop(PlaybookService service, List<ObjectRef> objects, double rate, int seconds)
            throws InterruptedException {
        long interval = (long) (1e9 / rate);
        int total = (int) (rate * seconds);
        Semaphore inFlight = new Semaphore(1024);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = t0 + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                inFlight.acquire();
                ObjectRef object = objects.get(i % objects.size());
                pool.execute(() -> {
                    try {
                        service.start(PLAYBOOK, object, Map.of(), SYSTEM);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return total;
    }

    private static long completed(PlaybookService service) {
        return service.runs(new RunFilter(null, null, null, PLAYBOOK, "COMPLETED"), new PageQuery(0, 1)).totalItems();
    }

    /** Waits until {@code target} runs completed (at most 120 s); returns how many were still missing. */
    private static long awaitCompleted(PlaybookService service, long target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long done = completed(service);
        while (done < target && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a count over all runs: not too often
            done = completed(service);
        }
        return Math.max(0, target - done);
    }

    /** Start-to-completed of the newest {@code n} completed runs, in microseconds, from the server's records. */
    private static Histogram latencies(PlaybookService service, int n) {
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        RunFilter filter = new RunFilter(null, null, null, PLAYBOOK, "COMPLETED");
        int size = 200;
        for (int page = 0; page * size < n; page++) {
            PageResponse<RunView> runs = service.runs(filter, new PageQuery(page, size));
            for (RunView r : runs.items()) {
                long us = Math.max(0, Duration.between(r.createdAt(), r.updatedAt()).toNanos() / 1000);
                h.recordValue(us);
                if (us > 1_000_000 && Boolean.getBoolean("bench.explain")) {
                    RunView full = service.run(r.id());
                    System.out.println("slow run " + r.id() + " created " + r.createdAt() + " completed " + r.updatedAt()
                            + " steps " + full.steps().stream().map(x -> x.stepId() + "#" + x.attempt() + " "
                            + x.state() + " " + x.startedAt() + ".." + x.finishedAt()).toList());
                }
            }
            if (runs.items().size() < size) break;
        }
        return h;
    }

    private static String row(String db, String phase, int runs, double perSecond, Histogram h, long left) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %.1f | %.1f | %d |", db, phase, runs,
                Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "%.0f", perSecond),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, left);
    }
}
