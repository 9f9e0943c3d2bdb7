package riposte.bench.sepm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import riposte.simulator.ses.SesPopulation;
import riposte.symantec.sepm.CommandStatus;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.EocMatch;
import riposte.symantec.sepm.EocRequest;
import riposte.symantec.sepm.EocResult;
import riposte.symantec.sepm.ScanType;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmDomain;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.sepm.Targets;

/**
 * An EOC scan (one SHA-256) of every endpoint of a 50 000-endpoint fleet, from submission to every result parsed,
 * against a <em>standalone</em> SEPM simulator (a second JVM over HTTPS, certificate pinned, frozen clock), so the
 * heap and CPU measured here are the client's own.
 *
 * <p>The simulator plants only the scanned hash, on a share {@code maliciousFraction} of the Windows endpoints (one
 * or two copies each), tuned so about 10 000 {@code <Matched result="HASH_MATCH">} come back. Offline fraction is
 * 0: offline endpoints never complete, and this benchmark waits for every endpoint.
 *
 * <p>Timed from {@code POST /command-queue/eoc} to the last {@code resultInXML} parsed: submit through
 * {@link SepmClient#eocScan}; then, per poll, advance the simulated clock by one step ({@code POST /_sim/clock}) and
 * walk every command-status page through {@link SepmClient#commandStatus} (lazy, 500 rows a page), parsing the
 * {@code resultInXML} of each endpoint that has reached a terminal state and was not parsed before; stop when every
 * endpoint is parsed. Reported apart: the client JVM's process CPU time over the window (Riposte's own processing:
 * HTTP/TLS, JSON, paging, XML, plus the JVM's GC and JIT threads) and the calling thread's share of it, the
 * wall time inside {@code eocResult()} parsing,
 * the simulator process's CPU time, and the client's heap (peak of the heap pools, and the largest heap left after
 * a collection).
 *
 * <p>Run: {@code java -Xmx512m -cp riposte-bench/target/benchmarks.jar riposte.bench.sepm.EocScanBenchmark
 * [maliciousFraction [name]]} ({@code name} runs only the scenarios whose name contains it).
 */
public final class EocScanBenchmark {
    static final int ENDPOINTS = 50_000;
    /** 84 % of the fleet is Windows, 30 % of infected endpoints hold two copies: 50 000 x 0.84 x 0.183 x 1.3 = 10 000. */
    static final double DEFAULT_MALICIOUS_FRACTION = 0.183;

    record Scenario(String name, Duration pollStep) {}

    record Found(String computerId, EocMatch match) {}

    public static void main(String[] args) throws Exception {
        double fraction = args.length > 0 ? Double.parseDouble(args[0]) : DEFAULT_MALICIOUS_FRACTION;
        String only = args.length > 1 ? args[1] : "";
        List<Scenario> scenarios = List.of(
                new Scenario("one clock step past the agent delay", Duration.ofSeconds(61)),
                new Scenario("polled every 15 s (simulated)", Duration.ofSeconds(15)));
        String sha256 = new SesPopulation(42).maliciousFile(0).value();
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("endpoints", String.valueOf(ENDPOINTS));
        knobs.put("seed", "42");
        knobs.put("offlineFraction", "0");
        knobs.put("agentDelayMinS", "5");
        knobs.put("agentDelayMaxS", "60");
        knobs.put("maliciousFraction", String.valueOf(fraction));
        knobs.put("maliciousSha256", sha256);
        System.out.println("| scenario | endpoints | endpoints matched | matches parsed | polls | status pages | total s | client CPU s (Riposte's own, all threads) | of which calling thread CPU s | parsing resultInXML, wall s | simulator CPU s | client peak heap MiB | client max heap after GC MiB | -Xmx MiB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        try (SepmSimulatorProcess sim = SepmSimulatorProcess.start("1g", knobs);
             SepmClient client = SepmClient.builder().baseUrl(sim.baseUrl)
                     .credentials(SepmSimulator.DEFAULT_USERNAME, SepmSimulator.DEFAULT_PASSWORD, "")
                     .trustedCertificates(sim.pem).readTimeout(Duration.ofMinutes(5)).build()) {
            List<String> ids = new ArrayList<>(ENDPOINTS);
            for (SepmDomain d : client.domains()) {
                try (Stream<riposte.symantec.sepm.Computer> s = client.computers(ComputerQuery.all().withDomain(d.id()))) {
                    s.forEach(c -> ids.add(c.uniqueId()));
                }
            }
            if (ids.size() != ENDPOINTS) throw new IllegalStateException("fleet walk found " + ids.size() + " computers, not " + ENDPOINTS);
            System.err.println("simulator: " + sim.baseUrl + ", " + sim.holding + " endpoints hold " + sha256);
            for (Scenario s : scenarios) {
                if (s.name().contains(only)) run(s, client, sim, ids, sha256);
            }
        }
    }

    private static void run(Scenario s, SepmClient client, SepmSimulatorProcess sim, List<String> ids, String sha256)
            throws Exception {
        long pagesBefore = sim.calls("GET /sepm/api/v1/command-queue/{...}");
        Duration simCpu0 = sim.cpu();
        ClientMetrics m = ClientMetrics.start();
        String commandId = client.eocScan(EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(ids)).sha256(sha256)
                .description("riposte EOC benchmark").build()).forComputers().orElseThrow();
        Set<String> parsed = new HashSet<>(ids.size() * 2);
        List<Found> found = new ArrayList<>();
        int matchedEndpoints = 0;
        long parseNanos = 0;
        int polls = 0;
        while (parsed.size() < ids.size()) {
            if (++polls > 100) throw new IllegalStateException("not every endpoint finished after 100 polls: " + parsed.size());
            sim.advance(s.pollStep());
            try (Stream<CommandStatus> rows = client.commandStatus(commandId)) {
                for (CommandStatus row : (Iterable<CommandStatus>) rows::iterator) {
                    if (!row.state().terminal() || parsed.contains(row.computerId())) continue;
                    long t = System.nanoTime();
                    EocResult result = row.eocResult().orElseThrow(() ->
                            new IllegalStateException("terminal row without resultInXML: " + row.computerId()));
                    List<EocMatch> matches = result.matches();
                    parseNanos += System.nanoTime() - t;
                    parsed.add(row.computerId());
                    if (!matches.isEmpty()) matchedEndpoints++;
                    for (EocMatch match : matches) found.add(new Found(row.computerId(), match));
                }
            }
        }
        double seconds = m.wallSeconds();
        double cpu = m.processCpuSeconds();
        double threadCpu = m.threadCpuSeconds();
        double peak = ClientMetrics.peakHeapMiB();
        double afterGc = ClientMetrics.maxAfterGcMiB();
        double simCpu = (sim.cpu().minus(simCpu0)).toMillis() / 1000.0;
        long pages = sim.calls("GET /sepm/api/v1/command-queue/{...}") - pagesBefore;
        long hashMatches = found.stream().filter(f -> f.match() instanceof EocMatch.HashMatch).count();
        if (hashMatches != found.size()) throw new IllegalStateException("non-hash matches: " + (found.size() - hashMatches));
        if (sim.holding >= 0 && matchedEndpoints != sim.holding) {
            throw new IllegalStateException(matchedEndpoints + " endpoints matched, the simulator planted the hash on " + sim.holding);
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %d |%n",
                s.name(), parsed.size(), matchedEndpoints, found.size(), polls, pages, seconds, cpu, threadCpu, parseNanos / 1e9,
                simCpu, peak, afterGc, ClientMetrics.maxHeapMiB());
        System.out.flush();
    }

}
