package riposte.bench.ses;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone SES simulator in a second JVM ({@code riposte simulate ses --latency-ms L --rate-limit R}), so that a
 * benchmark's CPU and heap are the client's (or server's) alone. Closing it destroys the process.
 */
public final class SesSimulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private final Process process;
    private final URI baseUrl;

    private SesSimulatorProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the simulator with the current classpath and waits until it listens. */
    public static SesSimulatorProcess start(long latencyMs, double rateLimit) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "riposte.cli.Riposte",
                "simulate", "ses", "--port", "0", "--latency-ms", String.valueOf(latencyMs),
                "--rate-limit", String.valueOf(rateLimit))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new SesSimulatorProcess(p, URI.create(m.group(1)));
            }
        }
        p.destroy();
        throw new IllegalStateException("the simulator exited before listening");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Reads one top-level counter of the simulator's {@code /_sim/stats}, e.g. {@code tooManyRequests}. */
    public long stat(String key) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUrl.resolve("/_sim/stats"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).path(key).asLong();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
