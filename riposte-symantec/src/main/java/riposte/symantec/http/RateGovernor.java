package riposte.symantec.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Paces requests to the rate a service allows, learning that rate from 429s: callers <em>wait</em> for a permit
 * instead of failing. Requests are spaced {@code 1/rate} apart (no burst credit after idle). On a 429 the rate is
 * cut to {@value #DECREASE} times the current rate — or, when no rate was known yet, times the success rate just
 * observed — and nobody is let through before the {@code Retry-After}; further 429s within the same cool-down are
 * from requests already in flight and are ignored. Each success then raises the rate additively by about
 * {@value #INCREASE_FRACTION_PER_SECOND} of itself per second (AIMD, as TCP congestion avoidance), so bulk
 * throughput probes slowly up to the limit and settles just under it instead of bursting into 429 storms.
 *
 * <p>Hand-written: Bucket4j and resilience4j's RateLimiter enforce a fixed, configured rate; neither adapts to
 * a limit it learns from 429s and {@code Retry-After}, and the real SES limit is not published.
 * Time and waiting are injected, so tests drive it on a fake clock.
 */
public final class RateGovernor {
    static final double DECREASE = 0.8;
    static final double INCREASE_FRACTION_PER_SECOND = 0.02;
    /** Even a small tenant can do this; used when a 429 arrives before any success was observed. */
    static final double FALLBACK_RATE = 2.0;
    static final double MIN_RATE = 0.2;
    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final double maxRate;
    private double rate;
    private long nextFreeAt;
    private long coolDownUntil = Long.MIN_VALUE;
    private long windowStart;
    private int windowSuccesses;
    private int previousWindowSuccesses;

    /**
     * @param knownRate the documented limit in requests/s, the starting rate and the ceiling; null if unknown
     *                  (start unpaced and learn it from the first 429)
     */
    public RateGovernor(Double knownRate, LongSupplier nanoTime, Sleeper sleeper) {
        if (knownRate != null && knownRate <= 0) throw new IllegalArgumentException("rate must be positive");
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.maxRate = knownRate == null ? Double.POSITIVE_INFINITY : knownRate;
        this.rate = maxRate;
        long now = nanoTime.getAsLong();
        this.nextFreeAt = now;
        this.windowStart = now;
    }

    /** A governor on the system clock. */
    public static RateGovernor system(Double knownRate) {
        return new RateGovernor(knownRate, System::nanoTime, Sleeper.SYSTEM);
    }

    /** Waits until a request may be sent. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, nextFreeAt);
            wait = slot - now;
            nextFreeAt = Double.isInfinite(rate) ? slot : slot + (long) (SECOND / rate);
        }
        if (wait > 0) sleeper.sleep(Duration.ofNanos(wait));
    }

    /** The service accepted a request (any non-429, non-5xx answer). */
    public synchronized void onSuccess() {
        roll(nanoTime.getAsLong());
        windowSuccesses++;
        if (!Double.isInfinite(rate)) {
            // Per success, +fraction*rate/rate; with `rate` successes a second that is +fraction*rate per second.
            rate = Math.min(maxRate, rate + Math.max(INCREASE_FRACTION_PER_SECOND * rate, 0.1) / rate);
        }
    }

    /** The service answered 429, optionally with a {@code Retry-After}. */
    public synchronized void onThrottled(Duration retryAfter) {
        long now = nanoTime.getAsLong();
        long pause = retryAfter == null ? 0 : retryAfter.toNanos();
        nextFreeAt = Math.max(nextFreeAt, now + pause);
        if (now < coolDownUntil) return;
        double reference = rate;
        if (Double.isInfinite(reference)) {
            // First 429 while unpaced: what got through in the last second is the best estimate of the limit.
            roll(now);
            double fraction = (now - windowStart) / (double) SECOND;
            reference = previousWindowSuccesses * (1 - fraction) + windowSuccesses;
            if (reference <= 0) reference = FALLBACK_RATE;
        }
        rate = Math.max(MIN_RATE, reference * DECREASE);
        coolDownUntil = now + Math.max(pause, SECOND);
    }

    /** Moves the one-second success windows forward (a sliding-window estimate needs the current and the last). */
    private void roll(long now) {
        long elapsed = now - windowStart;
        if (elapsed < SECOND) return;
        previousWindowSuccesses = elapsed < 2 * SECOND ? windowSuccesses : 0;
        windowSuccesses = 0;
        windowStart = now - elapsed % SECOND;
    }

    /** The current rate in requests/s ({@link Double#POSITIVE_INFINITY} while unpaced). */
    public synchronized double rate() {
        return rate;
    }

    /**
     * Governors shared per credential, so every client built in this process with the same base URL and client id
     * paces against the same service limit. The one deliberate piece of static state: the limit is per tenant
     * credential, not per client object.
     */
    public static final class Registry {
        private static final Registry SHARED = new Registry();
        private final ConcurrentMap<String, RateGovernor> governors = new ConcurrentHashMap<>();

        public static Registry shared() {
            return SHARED;
        }

        public RateGovernor governor(String key, Supplier<RateGovernor> factory) {
            return governors.computeIfAbsent(key, k -> factory.get());
        }
    }
}
