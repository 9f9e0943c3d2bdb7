package riposte.bench.enrichment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.bench.ses.SesSimulatorProcess;
import riposte.server.RiposteServer;
import riposte.simulator.ses.SesPopulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end bulk enrichment through the server: {@code POST /api/v1/enrichment/bulk} with N file hashes and the
 * File Insight playbook, i.e. per indicator a create-or-get, a durable run (stored, dispatched, step log), one SES
 * request through the rate governor and the cache, six attribute writes and a report, all audited — against a
 * standalone SES simulator with latency L and rate limit R. Reports indicators per second from the POST to the job's
 * completion, and the ratio to the ceiling {@code min(R, C / L)} (C = {@code riposte.ses.max-concurrency}).
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.enrichment.ServerEnrichmentBenchmark
 * [--count 10000] [--db h2|postgres] [--latency-ms 50] [--rate 50] [--concurrency 16] [--rate-known]}.
 */
public final class ServerEnrichmentBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int count = 10_000;
        String db = "h2";
        long latency = 50;
        double rate = 50;
        int concurrency = 16;
        boolean rateKnown = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--db" -> db = args[++i];
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--rate-known" -> rateKnown = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --count N --db "
                        + "h2|postgres --latency-ms L --rate R --concurrency C [--rate-known]");
            }
        }
        Path dir = Files.createTempDirectory("riposte-enrich-bench");
        String token = "rip_bench" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(30));
        EmbeddedPostgres pg = null;
        ConfigurableApplicationContext server = null;
        try (SesSimulatorProcess sim = SesSimulatorProcess.start(latency, rate)) {
            List<String> serverArgs = new ArrayList<>(List.of("--server.port=0",
                    "--riposte.security.admin-api-token=" + token,
                    "--riposte.security.admin-password=" + Base64.getEncoder().encodeToString(bytes(18)),
                    "--riposte.server.blob-dir=" + dir.resolve("blobs"),
                    "--riposte.secrets.key=" + Base64.getEncoder().encodeToString(bytes(32)),
                    "--riposte.secrets.data-dir=" + dir,
                    "--riposte.playbooks.auto-enrichment.enabled=false",
                    "--riposte.ses.url=" + sim.baseUrl(),
                    "--riposte.ses.client-id=riposte-sim", "--riposte.ses.client-secret=riposte-sim-secret",
                    "--riposte.ses.max-concurrency=" + concurrency, "--riposte.ses.max-attempts=10",
                    "--logging.level.root=WARN"));
            if (rateKnown) serverArgs.add("--riposte.ses.rate-limit=" + rate);
            if (db.equals("postgres")) {
                pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
                serverArgs.add("--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"));
                serverArgs.add("--spring.datasource.username=postgres");
                serverArgs.add("--spring.datasource.password=postgres");
            } else {
                serverArgs.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("riposte") + ";DB_CLOSE_ON_EXIT=FALSE");
            }
            server = RiposteServer.start(serverArgs.toArray(String[]::new));
            String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
            SesPopulation population = new SesPopulation(1);
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) values.add(population.file(500_000 + i).value());
            try (HttpClient http = HttpClient.newHttpClient()) {
                long start = System.nanoTime();
                JsonNode job = send(http, base, token, "POST", "/api/v1/enrichment/bulk",
                        Map.of("indicators", values, "playbooks", List.of("ses-file-insight")));
                double accepted = (System.nanoTime() - start) / 1e9;
                String id = job.path("id").asString();
                while (!job.path("state").asString().equals("completed")) {
                    Thread.sleep(250);
                    job = send(http, base, token, "GET", "/api/v1/enrichment/bulk/" + id + "?items=false", null);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int completed = job.path("completed").asInt();
                double perSecond = completed / seconds;
                double ceiling = Math.min(rate, concurrency * 1000.0 / latency);
                System.out.println("| db | L (ms) | R (/s) | C | rate | indicators | completed | failed | 202 after (s)"
                        + " | seconds | indicators/s | ceiling | ratio | 429s |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %d | %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f"
                        + " | %d |%n", db, latency, rate, concurrency, rateKnown ? "configured" : "learned", count,
                        completed, job.path("failed").asInt(), accepted, seconds, perSecond, ceiling,
                        perSecond / ceiling, sim.stat("tooManyRequests"));
            }
        } finally {
            if (server != null) server.close();
            if (pg != null) pg.close();
        }
    }

    private static JsonNode send(HttpClient http, String base, String token, String method, String path, Object body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(method + " " + path + ": " + r.statusCode()
                + " " + r.body());
        return JSON.readTree(r.body());
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
