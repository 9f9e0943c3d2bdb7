package riposte.bench.console;

import static riposte.bench.server.BenchSupport.deleteTree;
import static riposte.bench.server.BenchSupport.loadAverage;
import static riposte.bench.server.BenchSupport.random;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.bench.server.BenchSupport;
import riposte.server.RiposteServer;

/**
 * Server-side render time of every console page (issue 6: p95 under 100 ms with 10 000 indicators, 1 000 incidents,
 * a 10 000-row data table and 1 000 allow-list entries in the database).
 *
 * <p>Starts the server in-process ({@link RiposteServer#start}) on H2 (in memory) or PostgreSQL (zonky), seeds through
 * the REST API 10 000 indicators (every tenth malicious, tagged in groups, each with an attribute), 1 000 incidents,
 * 200 reports, a 10 000-row data table on one incident and 1 000 allow-list entries of every kind, logs in through the login form like a browser, then for
 * each page issues {@code --requests} GETs one after another (closed loop, after {@code --warmup} discarded ones) and
 * records each request's time to the last byte. One client, one request at a time: this measures rendering, not
 * throughput; client and server share the machine's cores.
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.console.ConsolePageBenchmark
 * [--db h2|postgres|all] [--requests 300] [--warmup 100] [--indicators 10000] [--incidents 1000] [--rows 10000]
 * [--allowlist 1000]}.
 */
public final class ConsolePageBenchmark {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The API's limit of entries per allow-list POST. */
    private static final int ALLOWLIST_BATCH = 1000;

    record Options(List<String> dbs, int requests, int warmup, int indicators, int incidents, int rows,
            int allowList) {
        static Options parse(String[] args) {
            String db = "all";
            int requests = 300;
            int warmup = 100;
            int indicators = 10_000;
            int incidents = 1_000;
            int rows = 10_000;
            int allowList = 1_000;
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--db" -> { db = v; i++; }
                    case "--requests" -> { requests = Integer.parseInt(v); i++; }
                    case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                    case "--indicators" -> { indicators = Integer.parseInt(v); i++; }
                    case "--incidents" -> { incidents = Integer.parseInt(v); i++; }
                    case "--rows" -> { rows = Integer.parseInt(v); i++; }
                    case "--allowlist" -> { allowList = Integer.parseInt(v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --db h2|postgres|all"
                            + " --requests N --warmup N --indicators N --incidents N --rows N --allowlist N");
                }
            }
            return new Options(db.equals("all") ? List.of("h2", "postgres") : List.of(db), requests, warmup,
                    indicators, incidents, rows, allowList);
        }
    }

    record Page(String name, String path) {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "# ConsolePageBenchmark: %d requests per page after %d warm-up; %d indicators,"
                + " %d incidents, %d data-table rows, %d allow-list entries; %d CPUs; JVM %s%n", o.requests(),
                o.warmup(), o.indicators(), o.incidents(), o.rows(), o.allowList(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<String> table = new ArrayList<>();
        for (String db : o.dbs()) table.addAll(run(db, o));
        System.out.println();
        System.out.println("| database | page | bytes | p50 ms | p95 ms | p99 ms | max ms | load avg (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    private static List<String> run(String db, Options o) throws Exception {
        Path dir = Files.createTempDirectory("riposte-consolebench-");
        EmbeddedPostgres pg = null;
        ConfigurableApplicationContext server = null;
        List<String> out = new ArrayList<>();
        try {
            String token = "rip_" + random(32);
            String password = random(18);
            List<String> serverArgs = BenchSupport.serverArgs(dir, token, password);
            // seeding 10 000 indicators must not start 10 000 enrichment runs
            serverArgs.addAll(List.of("--riposte.playbooks.auto-enrichment.enabled=false",
                    "--riposte.playbooks.rules-enabled=false"));
            if (db.equals("postgres")) {
                pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
                serverArgs.addAll(List.of("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password="));
            } else if (db.equals("h2")) {
                serverArgs.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:consolebench;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--spring.datasource.password="));
            } else {
                throw new IllegalArgumentException("--db must be h2, postgres or all: " + db);
            }
            server = RiposteServer.start(serverArgs.toArray(String[]::new));
            URI base = URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
            try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
                HttpClient api = HttpClient.newBuilder().executor(vts).connectTimeout(Duration.ofSeconds(10)).build();
                List<Page> pages = seed(new Api(api, base, token), vts, o);
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                login(browser, base, password);
                for (Page p : pages) {
                    Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                    long size = 0;
                    for (int i = 0; i < o.warmup() + o.requests(); i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = browser.send(HttpRequest.newBuilder(base.resolve(p.path()))
                                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        long us = (System.nanoTime() - t0) / 1000;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("GET " + p.path() + " → " + r.statusCode());
                        }
                        size = r.body().length;
                        if (i >= o.warmup()) h.recordValue(Math.min(us, h.getHighestTrackableValue()));
                    }
                    String row = String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %s |", db,
                            p.name(), size, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                            h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, loadAverage());
                    System.out.println(row);
                    out.add(row);
                }
            }
        } finally {
            if (server != null) server.close();
            if (pg != null) pg.close();
            deleteTree(dir);
        }
        return out;
    }

    /** Seeds through the REST API; returns the pages to measure. */
    private static List<Page> seed(Api api, ExecutorService vts, Options o) throws Exception {
        long t0 = System.nanoTime();
        parallel(vts, 8, o.indicators(), i -> api.postId("/api/v1/indicators", String.format(Locale.ROOT,
                "{\"value\":\"host-%d.campaign-%d.example.com\",\"verdict\":\"%s\",\"tags\":[\"campaign-%d\"]}",
                i, i % 50, i % 10 == 0 ? "MALICIOUS" : i % 10 == 1 ? "SUSPICIOUS" : "UNKNOWN", i % 50)));
        long someIndicator = api.postId("/api/v1/indicators", "{\"value\":\"host-42.campaign-42.example.com\"}");
        for (int i = 0; i < 5; i++) {
            api.send("PUT", "/api/v1/indicators/" + someIndicator + "/attributes", String.format(Locale.ROOT,
                    "{\"name\":\"Symantec ThreatIntel Reputation\",\"value\":\"MALICIOUS\",\"source\":\"bench-%d\"}", i));
        }
        System.out.printf(Locale.ROOT, "# seeded %d indicators in %.1f s%n", o.indicators(), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        parallel(vts, 8, o.incidents(), i -> api.postId("/api/v1/incidents", String.format(Locale.ROOT,
                "{\"name\":\"Incident %d: phishing wave %d\",\"severity\":\"%s\"}", i, i % 40,
                List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").get(i % 4))));
        long incident = api.postId("/api/v1/incidents", "{\"name\":\"Benchmark: table incident\",\"severity\":\"HIGH\"}");
        parallel(vts, 8, 200, i -> api.postId("/api/v1/reports", String.format(Locale.ROOT,
                "{\"title\":\"Report %d\",\"kind\":\"bench\",\"html\":\"<h1>Report %d</h1>\",\"indicatorIds\":[%d]}",
                i, i, someIndicator)));
        System.out.printf(Locale.ROOT, "# seeded %d incidents and 200 reports in %.1f s%n", o.incidents(),
                (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        api.postId("/api/v1/data-tables", """
                {"name":"bench_endpoints","displayName":"Benchmark endpoints","columns":[\
                {"name":"hostname","type":"text"},{"name":"ip","type":"text"},{"name":"risk","type":"number"},\
                {"name":"infected","type":"boolean"},{"name":"status","type":"select",\
                "options":["online","offline","quarantined"]}]}""");
        String rows = "/api/v1/incidents/" + incident + "/data-tables/bench_endpoints/rows";
        // one at a time: on PostgreSQL, concurrent row inserts into one incident's table deadlock (seen 2026-11-25)
        parallel(vts, 1, o.rows(), i -> api.postId(rows, String.format(Locale.ROOT,
                "{\"cells\":{\"hostname\":\"FIN-WS-%05d\",\"ip\":\"10.20.%d.%d\",\"risk\":%d,\"infected\":%s,"
                        + "\"status\":\"%s\"}}", i, i / 250, i % 250 + 1, i % 100, i % 7 == 0,
                List.of("online", "offline", "quarantined").get(i % 3))));
        System.out.printf(Locale.ROOT, "# seeded %d data-table rows in %.1f s%n", o.rows(), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int from = 0; from < o.allowList(); from += ALLOWLIST_BATCH) {
            api.postId("/api/v1/allowlist", allowListBatch(from, Math.min(o.allowList(), from + ALLOWLIST_BATCH)));
        }
        System.out.printf(Locale.ROOT, "# seeded %d allow-list entries in %.1f s%n", o.allowList(),
                (System.nanoTime() - t0) / 1e9);
        long report = api.postId("/api/v1/reports", "{\"title\":\"One report\",\"html\":\"<p>x</p>\",\"indicatorIds\":["
                + someIndicator + "]}");
        int middle = o.rows() / 25 / 2;
        return List.of(
                new Page("start", "/console"),
                new Page("indicators", "/console/indicators"),
                new Page("indicators, filtered (text, verdict)", "/console/indicators?text=campaign-7&verdict=MALICIOUS"),
                new Page("indicators, page 200", "/console/indicators?page=200"),
                new Page("indicator", "/console/indicators/" + someIndicator),
                new Page("reports", "/console/reports"),
                new Page("report", "/console/reports/" + report),
                new Page("runs", "/console/runs"),
                new Page("incidents", "/console/incidents"),
                new Page("incident", "/console/incidents/" + incident),
                new Page("data table, middle page", "/console/incidents/" + incident + "/tables/bench_endpoints?page="
                        + middle),
                new Page("data table, filtered and sorted", "/console/incidents/" + incident
                        + "/tables/bench_endpoints?column=hostname&op=contains&value=" + enc("WS-07") + "&sort=-risk"),
                new Page("settings: users", "/console/settings/users"),
                new Page("settings: allow-list", "/console/settings/allowlist"),
                new Page("settings: allow-list, filtered (kind, text)", "/console/settings/allowlist?kind=domain&q="
                        + enc("partner-7")),
                new Page("settings: allow-list, check a value", "/console/settings/allowlist/check?value="
                        + enc("hxxps://www.cdn-3.example[.]org/app.js")),
                new Page("settings: auto-enrichment", "/console/settings/enrichment"),
                new Page("audit log", "/console/audit"));
    }

    /**
     * Allow-list entries {@code from..to-1} as one POST body, every kind in turn: an address, a /24 block, a domain, a
     * wildcard domain and a SHA-256, each unique (for up to 65 536 entries) and with its own reason.
     */
    static String allowListBatch(int from, int to) {
        List<String> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int hi = (i >> 8) & 255;
            int lo = i & 255;
            String value = switch (i % 5) {
                case 0 -> String.format(Locale.ROOT, "11.%d.%d.1", hi, lo);
                case 1 -> String.format(Locale.ROOT, "12.%d.%d.0/24", hi, lo);
                case 2 -> String.format(Locale.ROOT, "partner-%d.example.net", i);
                case 3 -> String.format(Locale.ROOT, "*.cdn-%d.example.org", i);
                default -> String.format(Locale.ROOT, "%064x", i + 1L);
            };
            entries.add(String.format(Locale.ROOT, "{\"value\":\"%s\",\"reason\":\"benchmark entry %d: partner"
                    + " infrastructure\"}", value, i));
        }
        return "{\"entries\":[" + String.join(",", entries) + "]}";
    }

    private static void login(HttpClient browser, URI base, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) throw new IllegalStateException("no CSRF field on the login page");
        String form = "username=admin&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
    }

    private interface Seeder {
        void seed(int i) throws Exception;
    }

    /** Runs {@code seeder} for 0..n-1, {@code width} at a time. */
    private static void parallel(ExecutorService vts, int width, int n, Seeder seeder) throws Exception {
        Semaphore permits = new Semaphore(width);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            permits.acquire();
            done.add(vts.submit(() -> {
                try {
                    seeder.seed(k);
                } finally {
                    permits.release();
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
    }

    private record Api(HttpClient http, URI base, String token) {
        HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        long postId(String path, String json) throws IOException, InterruptedException {
            HttpResponse<String> r = send("POST", path, json);
            Matcher m = ID.matcher(r.body());
            if ((r.statusCode() != 201 && r.statusCode() != 200) || !m.find()) {
                throw new IllegalStateException("POST " + path + " → " + r.statusCode() + ": " + r.body());
            }
            return Long.parseLong(m.group(1));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
