package riposte.bench.sepm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmDomain;

/**
 * Walks every computer page of a 50 000-endpoint fleet (both domains) through {@link SepmClient#computers}, the
 * lazy stream, against a <em>standalone</em> SEPM simulator (a second JVM over HTTPS, certificate pinned). Each
 * record is consumed (its id and online status read) and dropped, as the compliance summary does. Reports records
 * per second, the pages the simulator served, the client JVM's CPU time, the simulator's CPU time and the client's
 * peak heap. The first scenario runs in a cold JVM (as a CLI run does); the last repeats it warm.
 *
 * <p>Run: {@code java -Xmx512m -cp riposte-bench/target/benchmarks.jar riposte.bench.sepm.ComputerPagesBenchmark
 * [endpoints]}.
 */
public final class ComputerPagesBenchmark {

    record Scenario(String name, int pageSize) {}

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<Scenario> scenarios = List.of(
                new Scenario("default page size, cold JVM", ComputerQuery.DEFAULT_PAGE_SIZE),
                new Scenario("Splunk's page size", 500),
                new Scenario("fn_sep's page size", 10_000),
                new Scenario("default page size, warm JVM", ComputerQuery.DEFAULT_PAGE_SIZE));
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("endpoints", String.valueOf(endpoints));
        knobs.put("seed", "42");
        knobs.put("offlineFraction", "0.1");
        System.out.println("| scenario | page size | records | pages fetched | seconds | records/s | client CPU s | simulator CPU s | client peak heap MiB | client max heap after GC MiB | -Xmx MiB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        try (SepmSimulatorProcess sim = SepmSimulatorProcess.start("1g", knobs);
             SepmClient client = SepmClient.builder().baseUrl(sim.baseUrl)
                     .credentials(SepmSimulator.DEFAULT_USERNAME, SepmSimulator.DEFAULT_PASSWORD, "")
                     .trustedCertificates(sim.pem).readTimeout(Duration.ofMinutes(5)).build()) {
            List<SepmDomain> domains = client.domains(); // authenticates too, outside the measured window
            for (Scenario s : scenarios) run(s, client, sim, domains, endpoints);
        }
    }

    private static void run(Scenario s, SepmClient client, SepmSimulatorProcess sim, List<SepmDomain> domains,
                            int endpoints) throws Exception {
        long pages0 = sim.calls("GET /sepm/api/v1/computers");
        Duration simCpu0 = sim.cpu();
        ClientMetrics m = ClientMetrics.start();
        long records = 0;
        long online = 0;
        for (SepmDomain d : domains) {
            try (Stream<Computer> computers = client.computers(ComputerQuery.all().withDomain(d.id()).withPageSize(s.pageSize()))) {
                for (Computer c : (Iterable<Computer>) computers::iterator) {
                    if (c.uniqueId() == null) throw new IllegalStateException("a computer without uniqueId");
                    records++;
                    if (c.onlineStatus() != null && c.onlineStatus() == 1) online++;
                }
            }
        }
        double seconds = m.wallSeconds();
        double cpu = m.processCpuSeconds();
        double peak = ClientMetrics.peakHeapMiB();
        double afterGc = ClientMetrics.maxAfterGcMiB();
        double simCpu = sim.cpu().minus(simCpu0).toMillis() / 1000.0;
        long pages = sim.calls("GET /sepm/api/v1/computers") - pages0;
        if (records != endpoints) throw new IllegalStateException("walked " + records + " computers, not " + endpoints);
        if (online == 0) throw new IllegalStateException("no computer online?");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.0f | %.1f | %.1f | %.0f | %.0f | %d |%n",
                s.name(), s.pageSize(), records, pages, seconds, records / seconds, cpu, simCpu, peak, afterGc,
                ClientMetrics.maxHeapMiB());
        System.out.flush();
    }
}
