package riposte.symantec.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Paces requests to the rate a service allows, learning that rate from 429s: callers <em>wait</em> for a permit
 * instead of failing. Requests are spaced {@code 1/rate} apart (no burst credit after idle).
 *
 * <p>The dynamics borrow from TCP congestion control, with the rate of the last 429 as the remembered limit
 * ({@code ceiling}):
 * <ul>
 *   <li>On a 429 (at most once per cool-down, since the other 429s of a burst come from requests already in
 *       flight) the rate at which it happened becomes the ceiling and the rate drops to {@value #DECREASE} of it,
 *       or to {@value #REPEATED_DECREASE} when 429s keep coming right after each cool-down; nobody is let through
 *       before the {@code Retry-After}.</li>
 *   <li>Below the ceiling the rate closes the gap exponentially (time constant {@value #APPROACH_SECONDS} s), so it
 *       returns quickly and then plateaus just under the limit instead of oscillating around it.</li>
 *   <li>At or above the ceiling it probes upward slowly ({@value #PROBE_FRACTION_PER_SECOND} of itself per second),
 *       so a raised limit is found again.</li>
 *   <li>With no trustworthy ceiling (the first 429s of an unpaced burst arrive while most answers are still in
 *       flight, so what got through undercounts the limit) it restarts from what got through and grows every
 *       second ("slow start", {@value #SLOW_START_FACTOR_PER_SECOND}x a second) until the next 429.</li>
 *   <li>The rate never grows while it is more than twice what is actually being used (a concurrency-bound caller
 *       must not inflate it).</li>
 * </ul>
 *
 * <p>Hand-written: Bucket4j and resilience4j's RateLimiter enforce a fixed, configured rate; neither adapts to a
 * limit it learns from 429s and {@code Retry-After}, and the real SES limit is not published. Time and waiting are
 * injected, so tests drive it on a fake clock.
 */
public final class RateGovernor {
    static final double DECREASE = 0.95;
    static final double REPEATED_DECREASE = 0.7;
    /** A 429 this soon after the previous cool-down ended counts as a repeat. */
    private static final long REPEAT_WINDOW = 2_000_000_000L;
    static final double APPROACH_SECONDS = 3.0;
    static final double SLOW_START_FACTOR_PER_SECOND = 1.5;
    static final double PROBE_FRACTION_PER_SECOND = 0.002;
    /** Even a small tenant can do this; used when a 429 arrives before any success was observed. */
    static final double FALLBACK_RATE = 2.0;
    static final double MIN_RATE = 0.2;
    private static final long SECOND = 1_000_000_000L;
    static final long RECHECK_MILLIS = 100;

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final double maxRate;
    private double rate;
    private double ceiling;
    private long nextFreeAt;
    private long lastGrowthAt;
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
        this.ceiling = maxRate;
        long now = nanoTime.getAsLong();
        this.nextFreeAt = now;
        this.windowStart = now;
        this.lastGrowthAt = now;
    }

    /** A governor on the system clock. */
    public static RateGovernor system(Double knownRate) {
        return new RateGovernor(knownRate, System::nanoTime, Sleeper.SYSTEM);
    }

    /**
     * Waits until a request may be sent. Waiters do not book slots ahead at today's rate (a queue of 64 booked at
     * 2/s would wait half a minute after the rate recovered); each takes the next free slot when it is due, and
     * re-checks at least every {@value #RECHECK_MILLIS} ms, so a rate change or a {@code Retry-After} applies to
     * everyone at once.
     */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                if (now >= nextFreeAt) {
                    nextFreeAt = Double.isInfinite(rate) ? now : Math.max(now, nextFreeAt) + (long) (SECOND / rate);
                    return;
                }
                wait = nextFreeAt - now;
            }
            sleeper.sleep(Duration.ofNanos(Math.min(wait, RECHECK_MILLIS * 1_000_000L)));
        }
    }

    /** The service accepted a request (any non-429, non-5xx answer). */
    public synchronized void onSuccess() {
        long now = nanoTime.getAsLong();
        roll(now);
        windowSuccesses++;
        grow(now);
    }

    /** The service answered 429, optionally with a {@code Retry-After}. */
    public synchronized void onThrottled(Duration retryAfter) {
        long now = nanoTime.getAsLong();
        long pause = retryAfter == null ? 0 : retryAfter.toNanos();
        nextFreeAt = Math.max(nextFreeAt, now + pause);
        if (now < coolDownUntil) return;
        double used = successRate(now);
        if (Double.isInfinite(rate)) {
            // Unpaced: the successes counted so far undercount the limit (many answers are still in flight), so
            // restart from them but keep no ceiling: slow start finds the limit within a few seconds.
            ceiling = Double.POSITIVE_INFINITY;
            rate = Math.max(MIN_RATE, Math.max(used, FALLBACK_RATE) * DECREASE);
        } else {
            // The pace at which the 429 came is the limit's best estimate (what got through in the last second is
            // not: Retry-After pauses depress it). A 429 soon after the last cool-down means that estimate was
            // still too high, so the cut is deeper.
            boolean again = coolDownUntil != Long.MIN_VALUE && now - coolDownUntil < REPEAT_WINDOW;
            ceiling = rate;
            rate = Math.max(MIN_RATE, rate * (again ? REPEATED_DECREASE : DECREASE));
        }
        coolDownUntil = now + Math.max(pause, SECOND);
        lastGrowthAt = coolDownUntil;
    }

    private void grow(long now) {
        if (Double.isInfinite(rate) || now <= lastGrowthAt) return;
        double dt = (now - lastGrowthAt) / (double) SECOND;
        lastGrowthAt = now;
        double used = successRate(now);
        if (used > 0 && rate > 2 * used) return;
        if (Double.isInfinite(ceiling)) {
            rate *= Math.pow(SLOW_START_FACTOR_PER_SECOND, dt);
        } else if (rate < ceiling) {
            rate += (ceiling - rate) * Math.min(1, dt / APPROACH_SECONDS) + rate * PROBE_FRACTION_PER_SECOND * dt;
        } else {
            rate += rate * PROBE_FRACTION_PER_SECOND * dt;
        }
        rate = Math.min(maxRate, rate);
    }

    /** Successes per second over the last second (a sliding estimate from the current and the previous window). */
    private double successRate(long now) {
        roll(now);
        double fraction = Math.min(1, (now - windowStart) / (double) SECOND);
        return previousWindowSuccesses * (1 - fraction) + windowSuccesses;
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
