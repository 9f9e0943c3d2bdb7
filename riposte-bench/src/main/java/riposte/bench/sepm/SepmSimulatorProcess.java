package riposte.bench.sepm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import riposte.simulator.sepm.SepmSimulator;

/**
 * A SEPM simulator in its own JVM, so that a benchmark's heap and CPU are the client's alone.
 *
 * <p>{@link #main} (the child side) takes {@code key=value} arguments ({@code endpoints}, {@code seed},
 * {@code maliciousFraction}, {@code maliciousSha256} (plant only this hash), {@code offlineFraction},
 * {@code agentDelayMinS}, {@code agentDelayMaxS}, {@code pem} (file to write the certificate to)), starts an HTTPS
 * simulator with a frozen clock, prints {@code listening on <url>} (plus, for a planted hash, {@code holding <n>}:
 * the endpoints that hold it) and runs until its standard input closes, i.e. until the parent ends or destroys it.
 *
 * <p>{@link #start} (the parent side) launches that main with the parent's classpath.
 */
final class SepmSimulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private static final Pattern HOLDING = Pattern.compile("holding (\\d+)");

    final Process process;
    final URI baseUrl;
    final Path pem;
    /** Endpoints holding the planted hash, as the simulator counts them; -1 if no hash was planted. */
    final int holding;
    private final HttpClient http;

    private SepmSimulatorProcess(Process process, URI baseUrl, Path pem, int holding) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.pem = pem;
        this.holding = holding;
        this.http = HttpClient.newBuilder().sslContext(trustAll()).build();
    }

    /** Starts the simulator JVM ({@code -Xmx} given) with these knobs and waits until it listens. */
    static SepmSimulatorProcess start(String xmx, Map<String, String> knobs) throws IOException, InterruptedException {
        Path pem = Files.createTempFile("riposte-sepm-sim", ".pem");
        pem.toFile().deleteOnExit();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                SepmSimulatorProcess.class.getName()));
        Map<String, String> all = new LinkedHashMap<>(knobs);
        all.put("pem", pem.toString());
        all.forEach((k, v) -> cmd.add(k + "=" + v));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        URI url = null;
        int holding = -1;
        for (String line; (line = out.readLine()) != null; ) {
            Matcher h = HOLDING.matcher(line);
            if (h.find()) holding = Integer.parseInt(h.group(1));
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                url = URI.create(m.group(1));
                break;
            }
            System.err.println("[simulator] " + line);
        }
        if (url == null) throw new IllegalStateException("the simulator exited before listening (exit " + p.waitFor() + ")");
        Thread drain = new Thread(() -> out.lines().forEach(l -> System.err.println("[simulator] " + l)));
        drain.setDaemon(true);
        drain.start();
        return new SepmSimulatorProcess(p, url, pem, holding);
    }

    /** {@code POST /_sim/clock?seconds=N}: moves the simulated time (simulator-only endpoint, no auth). */
    Instant advance(Duration by) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUrl.resolve("/_sim/clock?ms=" + by.toMillis()))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("clock advance failed: " + r.statusCode() + " " + r.body());
        Matcher m = Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) throw new IllegalStateException("clock answer without now: " + r.body());
        return Instant.parse(m.group(1));
    }

    /** {@code GET /_sim/stats} as text. */
    String stats() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(baseUrl.resolve("/_sim/stats")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Calls the simulator counted for one route template (e.g. {@code GET /sepm/api/v1/computers}), from its stats. */
    long calls(String routeTemplate) throws IOException, InterruptedException {
        String s = stats();
        Matcher m = Pattern.compile(Pattern.quote("\"" + routeTemplate + "\"") + "\\s*:\\s*(\\d+)").matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The simulator process's CPU time so far, if the OS reports it. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it is being destroyed anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** Only for the loopback simulator's own /_sim endpoints; the SEPM client itself pins the certificate. */
    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Child side: runs the simulator until standard input closes. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("expected key=value, got " + arg);
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        SepmSimulator.Builder b = SepmSimulator.builder().port(0).https(true).frozenClock(true)
                .endpoints(Integer.parseInt(a.getOrDefault("endpoints", "50000")))
                .seed(Long.parseLong(a.getOrDefault("seed", "42")))
                .offlineFraction(Double.parseDouble(a.getOrDefault("offlineFraction", "0")))
                .agentDelay(Duration.ofSeconds(Long.parseLong(a.getOrDefault("agentDelayMinS", "5"))),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("agentDelayMaxS", "60"))));
        if (a.containsKey("maliciousFraction")) b.maliciousFraction(Double.parseDouble(a.get("maliciousFraction")));
        String hash = a.get("maliciousSha256");
        if (hash != null) b.maliciousSha256s(List.of(hash));
        try (SepmSimulator sim = b.build().start()) {
            if (a.containsKey("pem")) Files.writeString(Path.of(a.get("pem")), sim.certificatePem());
            if (hash != null) System.out.println("holding " + sim.computersHolding(hash).size());
            System.out.println("SEPM simulator (pid " + ManagementFactory.getRuntimeMXBean().getPid() + ") listening on " + sim.baseUrl());
            System.out.flush();
            // Until the parent closes our stdin (or dies).
            while (System.in.read() >= 0) {
                // discard
            }
        }
    }
}
