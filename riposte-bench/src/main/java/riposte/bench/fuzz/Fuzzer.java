package riposte.bench.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a {@link FuzzTarget} {@code count} inputs on a worker thread and watches it: an input still running after
 * the hang limit is a finding (the worker is abandoned and a new one goes on with the next input). Findings are
 * grouped by what was thrown and where, each group keeping its first input.
 */
final class Fuzzer {
    private Fuzzer() {}

    /** One kind of failure: how often, and the first input that caused it (cut to 300 characters, escaped). */
    record Finding(String signature, long count, String firstInput, int firstInputLength) {}

    record Result(String target, long inputs, double seconds, List<Finding> findings) {
        long findingCount() {
            return findings.stream().mapToLong(Finding::count).sum();
        }
    }

    static Result run(FuzzTarget target, long count, long seed, Duration hangLimit) throws InterruptedException {
        Mutator mutator = new Mutator(seed);
        Map<String, Finding> findings = new LinkedHashMap<>();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        while (done.get() < count) {
            Worker w = new Worker(target, mutator, count, done, findings);
            Thread t = Thread.ofPlatform().daemon().name("fuzz-" + target.name()).start(w);
            while (t.isAlive()) {
                t.join(100);
                long began = w.began;
                if (began != 0 && System.nanoTime() - began > hangLimit.toNanos()) {
                    synchronized (findings) {
                        record(findings, "hang: still running after " + hangLimit.toSeconds() + " s", w.current);
                    }
                    w.abandoned = true;
                    t.interrupt();
                    done.incrementAndGet(); // the hung input counts; the next worker takes the next one
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (findings) {
            return new Result(target.name(), done.get(), seconds, new ArrayList<>(findings.values()));
        }
    }

    private static final class Worker implements Runnable {
        private final FuzzTarget target;
        private final Mutator mutator;
        private final long count;
        private final AtomicLong done;
        private final Map<String, Finding> findings;
        volatile long began;
        volatile String current = "";
        volatile boolean abandoned;

        Worker(FuzzTarget target, Mutator mutator, long count, AtomicLong done, Map<String, Finding> findings) {
            this.target = target;
            this.mutator = mutator;
            this.count = count;
            this.done = done;
            this.findings = findings;
        }

        @Override
        public void run() {
            while (!abandoned && done.get() < count) {
                String input;
                synchronized (mutator) {
                    try {
                        input = target.next(mutator);
                    } catch (RuntimeException generatorFailed) {
                        continue; // the generator's own limit (e.g. Jackson's write depth): not the target's fault
                    }
                }
                current = input;
                began = System.nanoTime();
                try {
                    target.feed(input);
                } catch (Throwable e) {
                    if (abandoned) return;
                    synchronized (findings) {
                        record(findings, signature(e), input);
                    }
                }
                began = 0;
                if (abandoned) return;
                done.incrementAndGet();
            }
        }
    }

    static String signature(Throwable e) {
        StackTraceElement where = null;
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().startsWith("riposte.") && !s.getClassName().startsWith("riposte.bench.")) {
                where = s;
                break;
            }
        }
        // digits (positions, sizes) vary from input to input; the kind of failure does not
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("[0-9][0-9,]*", "N");
        if (e instanceof AssertionError) return "violated: " + message.lines().findFirst().orElse("");
        return e.getClass().getName() + (where == null ? "" : " at " + where) + ": "
                + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    }

    private static void record(Map<String, Finding> findings, String signature, String input) {
        Finding f = findings.get(signature);
        findings.put(signature, f == null ? new Finding(signature, 1, excerpt(input), input.length())
                : new Finding(signature, f.count() + 1, f.firstInput(), f.firstInputLength()));
    }

    static String excerpt(String input) {
        String cut = input.length() > 300 ? input.substring(0, 300) : input;
        StringBuilder b = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFF || c == 0xFEFF || c == 0x202E) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
