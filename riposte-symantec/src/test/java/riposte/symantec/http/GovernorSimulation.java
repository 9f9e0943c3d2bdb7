package riposte.symantec.http;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A deterministic discrete-event simulation of callers behind a {@link RateGovernor} and a service with a token-bucket
 * limit, on a {@link FakeTime} clock: {@code concurrency} callers each take a permit ({@link RateGovernor#poll()},
 * re-checking like {@link RateGovernor#acquire()}), send a request that reaches the service after half the latency
 * and answers after the whole of it, report the answer, and go again; a 429 is retried after its {@code Retry-After}
 * (or a short backoff when the service sends none), with a new permit, as {@link RetryInterceptor} does.
 *
 * <p>The service is the simulator's: a bucket of one second's worth of permits refilled at {@code limit}/s, whose 429
 * says {@code Retry-After} in whole seconds, at least 1.
 */
final class GovernorSimulation {
    /** What the service saw after {@code measureFrom}: accepted and throttled requests per second of the window. */
    record Result(double accepted, double throttled, double limit) {
        double ratio() {
            return accepted / limit;
        }

        double throttledShare() {
            return throttled / (accepted + throttled);
        }

        @Override
        public String toString() {
            return "accepted %.2f/s of %.0f/s (ratio %.3f), throttled %.3f%%".formatted(accepted, limit, ratio(),
                    100 * throttledShare());
        }
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long BACKOFF_WITHOUT_RETRY_AFTER = 100_000_000L;

    private record Event(long at, long seq, int caller, Kind kind, RateGovernor.Permit permit, boolean allowed)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private enum Kind { READY, ARRIVE, REPLY }

    private final FakeTime time;
    private final RateGovernor governor;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long seq;
    // the service's token bucket
    private double limit;
    private double tokens;
    private long refilledAt;
    private final boolean sendsRetryAfter;

    GovernorSimulation(FakeTime time, RateGovernor governor, double limit, boolean sendsRetryAfter) {
        this.time = time;
        this.governor = governor;
        this.limit = limit;
        this.tokens = Math.max(1, limit);
        this.refilledAt = time.nanoTime();
        this.sendsRetryAfter = sendsRetryAfter;
    }

    /** Changes the service's limit from now on (the bucket keeps what it holds). */
    void limit(double newLimit) {
        refill(time.nanoTime());
        limit = newLimit;
    }

    /** Runs {@code concurrency} callers for {@code seconds} more; measures from {@code measureAfter} on. */
    Result run(int concurrency, Duration latency, Duration seconds, Duration measureAfter) {
        long start = time.nanoTime();
        long end = start + seconds.toNanos();
        long measureFrom = start + measureAfter.toNanos();
        events.clear();
        for (int c = 0; c < concurrency; c++) events.add(new Event(start, seq++, c, Kind.READY, null, false));
        long half = latency.toNanos() / 2;
        long accepted = 0;
        long throttled = 0;
        while (!events.isEmpty()) {
            Event e = events.poll();
            if (e.at() >= end) break;
            time.advance(Duration.ofNanos(e.at() - time.nanoTime()));
            switch (e.kind()) {
                case READY -> {
                    RateGovernor.Permit permit = governor.poll();
                    if (permit == null) {
                        long wait = Math.max(1, Math.min(governor.nanosToWait(), RateGovernor.RECHECK_MILLIS * 1_000_000L));
                        events.add(new Event(e.at() + wait, seq++, e.caller(), Kind.READY, null, false));
                    } else {
                        events.add(new Event(e.at() + half, seq++, e.caller(), Kind.ARRIVE, permit, false));
                    }
                }
                case ARRIVE -> {
                    boolean allowed = take(e.at());
                    if (e.at() >= measureFrom) {
                        if (allowed) accepted++;
                        else throttled++;
                    }
                    events.add(new Event(e.at() + (latency.toNanos() - half), seq++, e.caller(), Kind.REPLY,
                            e.permit(), allowed));
                }
                case REPLY -> {
                    if (e.allowed()) {
                        governor.onSuccess(e.permit());
                        events.add(new Event(e.at(), seq++, e.caller(), Kind.READY, null, false));
                    } else {
                        Duration retryAfter = sendsRetryAfter ? Duration.ofSeconds(retryAfterSeconds(e.at())) : null;
                        governor.onThrottled(e.permit(), retryAfter);
                        long wait = retryAfter != null ? retryAfter.toNanos() : BACKOFF_WITHOUT_RETRY_AFTER;
                        events.add(new Event(e.at() + wait, seq++, e.caller(), Kind.READY, null, false));
                    }
                }
            }
        }
        time.advance(Duration.ofNanos(Math.max(0, end - time.nanoTime())));
        double window = (end - measureFrom) / (double) SECOND;
        return new Result(accepted / window, throttled / window, limit);
    }

    private void refill(long now) {
        tokens = Math.min(Math.max(1, limit), tokens + (now - refilledAt) / (double) SECOND * limit);
        refilledAt = now;
    }

    private boolean take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long retryAfterSeconds(long now) {
        refill(now);
        return Math.max(1, (long) Math.ceil((1 - tokens) / limit));
    }
}
