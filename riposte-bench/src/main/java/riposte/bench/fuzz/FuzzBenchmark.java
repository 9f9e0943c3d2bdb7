package riposte.bench.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import riposte.bench.server.BenchSupport;

/**
 * Fuzzing at scale (issue 16 item 8): every parser of outside data fed mutated inputs — typed indicators, free text,
 * SES replies, SEPM replies over HTTPS (JSON, the EOC {@code resultInXML} document, the file ZIP), playbook YAML, CEL,
 * allow-list entries, CSV input files, and the REST API's JSON bodies and query parameters against a running server
 * over HTTP. Each target gets its share of {@code --inputs}; prints a Markdown table of inputs, seconds and findings,
 * then every finding with its first input. Exit code 1 when anything was found.
 *
 * <p>Run: {@code java -cp riposte-bench/target/benchmarks.jar riposte.bench.fuzz.FuzzBenchmark [--inputs 1000000]
 * [--seed 20261207] [--only NAME-PREFIX]}.
 */
public final class FuzzBenchmark {
    /** Share of the inputs per target: the in-process parsers are cheap, HTTP round trips are not. */
    private static final Map<String, Double> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put("indicator parser", 0.25);
        SHARES.put("free-text extraction", 0.10);
        SHARES.put("SES Threat Intel replies", 0.20);
        SHARES.put("playbook YAML", 0.08);
        SHARES.put("CEL expressions", 0.10);
        SHARES.put("allow-list entries", 0.10);
        SHARES.put("CSV / line input files", 0.08);
        SHARES.put("SEPM replies over HTTPS", 0.05);
        SHARES.put("REST API over HTTP", 0.04);
    }

    public static void main(String[] args) throws Exception {
        long inputs = 1_000_000;
        long seed = 20261207;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --inputs N --seed S --only NAME-PREFIX");
            }
        }
        System.out.println("# fuzz run " + Instant.now() + ", load average " + BenchSupport.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + inputs + " inputs, seed " + seed);
        List<Fuzzer.Result> results = new ArrayList<>();
        for (Map.Entry<String, java.util.concurrent.Callable<FuzzTarget>> t : targets().entrySet()) {
            if (!t.getKey().startsWith(only)) continue;
            long n = Math.max(1, Math.round(inputs * SHARES.get(t.getKey())));
            try (FuzzTarget target = t.getValue().call()) {
                Fuzzer.Result r = Fuzzer.run(target, n, seed, Duration.ofSeconds(10));
                System.out.printf(Locale.ROOT, "# %s: %d inputs in %.1f s, %d findings%n", r.target(), r.inputs(),
                        r.seconds(), r.findingCount());
                results.add(r);
            }
        }
        System.out.println();
        System.out.println("| target | inputs | seconds | inputs/s | findings |");
        System.out.println("|---|---|---|---|---|");
        long total = 0;
        double seconds = 0;
        long found = 0;
        for (Fuzzer.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %d |%n", r.target(), r.inputs(), r.seconds(),
                    r.inputs() / r.seconds(), r.findingCount());
            total += r.inputs();
            seconds += r.seconds();
            found += r.findingCount();
        }
        System.out.printf(Locale.ROOT, "| **all** | %,d | %.1f | %,.0f | %d |%n", total, seconds, total / seconds, found);
        for (Fuzzer.Result r : results) {
            for (Fuzzer.Finding f : r.findings()) {
                System.out.println();
                System.out.println("FINDING [" + r.target() + "] x" + f.count() + ": " + f.signature());
                System.out.println("  first input (" + f.firstInputLength() + " chars): " + f.firstInput());
            }
        }
        System.exit(found == 0 ? 0 : 1);
    }

    /** Every target, created when its turn comes (the HTTP ones start servers). */
    static Map<String, java.util.concurrent.Callable<FuzzTarget>> targets() {
        Map<String, java.util.concurrent.Callable<FuzzTarget>> t = new LinkedHashMap<>();
        t.put("indicator parser", ParserTargets::indicators);
        t.put("free-text extraction", ParserTargets::freeText);
        t.put("SES Threat Intel replies", ParserTargets::sesReplies);
        t.put("playbook YAML", ParserTargets::playbooks);
        t.put("CEL expressions", ParserTargets::cel);
        t.put("allow-list entries", ParserTargets::allowList);
        t.put("CSV / line input files", ParserTargets::csvInput);
        t.put("REST API over HTTP", RestTarget::new);
        return t;
    }
}
