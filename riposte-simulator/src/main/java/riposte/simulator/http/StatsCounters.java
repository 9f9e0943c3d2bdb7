package riposte.simulator.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The live, contention-friendly counters behind {@link SimStats}. */
final class StatsCounters {

    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    final LongAdder tooManyRequests = new LongAdder();
    final LongAdder injected5xx = new LongAdder();
    final LongAdder tokensIssued = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder redirects = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** An API request started being answered (latency included); {@link #leave()} when it was sent. */
    void enter() {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    void call(String template) {
        calls.computeIfAbsent(template, t -> new LongAdder()).increment();
    }

    /** Counts the outcome classes the stats report, from the status actually sent. */
    void answered(int status) {
        switch (status) {
            case 401 -> unauthorized.increment();
            case 429 -> tooManyRequests.increment();
            case 307 -> redirects.increment();
            default -> { }
        }
    }

    SimStats snapshot() {
        Map<String, Long> copy = new HashMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return new SimStats(copy, tooManyRequests.sum(), injected5xx.sum(), tokensIssued.sum(), unauthorized.sum(),
                redirects.sum(), peakInFlight.get());
    }
}
