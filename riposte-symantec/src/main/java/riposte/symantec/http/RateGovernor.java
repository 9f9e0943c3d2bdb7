package riposte.symantec.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Paces requests to the rate a service allows, learning that rate from 429s: callers <em>wait</em> for a permit
 * instead of failing. Requests are spaced {@code 1/rate} apart (no burst credit after idle). Only the rate is governed
 * here; how many calls are in flight is bounded separately ({@link RateGovernorInterceptor}), and a caller held back
 * by that bound (or by latency, or by having little to do) does not make the rate grow.
 *
 * <p>The dynamics are AIMD as in TCP congestion control, per <em>congestion episode</em>:
 * <ul>
 *   <li>Every permit carries the episode it was issued in. A 429 of a request sent in an earlier episode says
 *       nothing new (it was in flight when the cut was decided) and changes nothing but the pause; the first 429 of a
 *       request sent in the current episode starts the next one: the rate the request was sent at becomes the
 *       {@code ceiling} (the limit's estimate) and the rate drops to {@value #DECREASE} of it
 *       ({@value #REPEATED_DECREASE} when the previous episode ended less than {@value #REPEAT_SECONDS} s ago: the
 *       last cut was not enough). Nor does a 429 of a request sent less than one round trip (as last measured) after
       the cut: it met the service while requests sent at the old pace were still arriving there.</li>
 *   <li>A {@code Retry-After} holds everyone back exactly that long (only when the service sends one: the real SES
 *       API documents none).</li>
 *   <li>Below {@value #PLATEAU} of the ceiling the rate closes the gap exponentially (time constant
 *       {@value #APPROACH_SECONDS} s), then probes upward by {@value #PROBE_FRACTION_PER_SECOND} of itself per
 *       second: slowly, so that 429s are rare, yet a raised limit is found.</li>
 *   <li>Before the first 429 requests are unpaced; the first 429 restarts from what was accepted in the last second
 *       and grows {@value #SLOW_START_FACTOR_PER_SECOND}x a second ("slow start") until the next episode.</li>
 *   <li>The rate grows only while it is what holds requests back (someone waited for a permit in the last second).</li>
 * </ul>
 * The ceiling is what the governor remembers: a {@link Registry} keeps one governor per credential for the life of
 * the process, so every client of that credential starts from what the others learned.
 *
 * <p>Hand-written: Bucket4j and resilience4j's RateLimiter enforce a fixed, configured rate, and Netflix's
 * concurrency-limits adapts a concurrency (in-flight) limit, not a rate; none learns a rate limit from 429s and
 * {@code Retry-After}, and the real SES limit is not published. Time and waiting are injected, so tests drive it on
 * a fake clock, and {@link #poll()} lets a simulation take permits without blocking.
 */
public final class RateGovernor {
    static final double DECREASE = 0.9;
    static final double REPEATED_DECREASE = 0.75;
    static final double REPEAT_SECONDS = 2.0;
    static final double PLATEAU = 0.97;
    static final double APPROACH_SECONDS = 1.0;
    static final double PROBE_FRACTION_PER_SECOND = 0.001;
    static final double PROBE_DOUBLING_SECONDS = 30.0;
    static final double SLOW_START_FACTOR_PER_SECOND = 1.5;
    /** What the service accepted is trusted as a bound of the limit after this long, and down to this share of it. */
    static final double MIN_MEASURE_SECONDS = 2.0;
    static final double MEASURE_FLOOR = 0.9;
    /** Even a small tenant can do this; used when a 429 arrives before any success was observed. */
    static final double FALLBACK_RATE = 2.0;
    static final double MIN_RATE = 0.2;
    private static final long SECOND = 1_000_000_000L;
    static final long RECHECK_MILLIS = 100;

    /**
     * What a caller got from {@link #acquire()} and hands back with the answer: the episode the request was sent in
     * and the rate it was paced at ({@link Double#POSITIVE_INFINITY} if unpaced).
     */
    public record Permit(long episode, double rate, long sentAt) {}

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final double maxRate;
    private double rate;
    private double ceiling;
    private boolean slowStart;
    private long episode;
    private long nextFreeAt;
    private long lastGrowthAt;
    private long lastWaitAt = Long.MIN_VALUE;
    private long episodeEndsAt;
    private long windowStart;
    private int windowSuccesses;
    private int previousWindowSuccesses;
    private long acceptedSince;
    private long accepted;
    /** When the current episode began, and the round trip as last seen: see {@link #onThrottled}. */
    private long episodeStartedAt = Long.MIN_VALUE;
    private long roundTrip;

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
        this.acceptedSince = now;
        this.episodeEndsAt = now;
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
    public Permit acquire() throws InterruptedException {
        while (true) {
            Permit permit = poll();
            if (permit != null) return permit;
            sleeper.sleep(Duration.ofNanos(Math.max(1, Math.min(nanosToWait(), RECHECK_MILLIS * 1_000_000L))));
        }
    }

    /** A permit if a request may be sent now, else null (then see {@link #nanosToWait()}); never blocks. */
    public synchronized Permit poll() {
        long now = nanoTime.getAsLong();
        if (now < nextFreeAt) {
            lastWaitAt = now;
            return null;
        }
        nextFreeAt = Double.isInfinite(rate) ? now : Math.max(now, nextFreeAt) + (long) (SECOND / rate);
        return new Permit(episode, rate, now);
    }

    /** How long until the next permit is due (0 if now). */
    public synchronized long nanosToWait() {
        return Math.max(0, nextFreeAt - nanoTime.getAsLong());
    }

    /** The service accepted the request sent with {@code permit} (any non-429, non-5xx answer). */
    public synchronized void onSuccess(Permit permit) {
        long now = nanoTime.getAsLong();
        roll(now);
        windowSuccesses++;
        if (now >= acceptedSince) accepted++;
        roundTrip = Math.max(0, now - permit.sentAt());
        grow(now);
    }

    /**
     * The service answered 429 to the request sent with {@code permit}, optionally with a {@code Retry-After}
     * (honoured as given, for every caller).
     */
    public synchronized void onThrottled(Permit permit, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        long pause = retryAfter == null ? 0 : Math.max(0, retryAfter.toNanos());
        nextFreeAt = Math.max(nextFreeAt, now + pause);
        if (permit.episode() != episode) return; // sent before the last cut: nothing new
        // Sent within one round trip of the last cut: it met the service while requests sent at the old pace were still
        // arriving there, so its 429 says nothing about the new pace either (TCP's "one cut per round trip").
        if (permit.sentAt() < episodeStartedAt + roundTrip) return;
        boolean again = episode > 0 && now - episodeEndsAt < REPEAT_SECONDS * SECOND;
        episode++;
        if (Double.isInfinite(permit.rate())) {
            // Unpaced: what was accepted in the last second undercounts the limit (many answers are still in flight),
            // so restart from it and grow fast until the next 429.
            rate = Math.max(MIN_RATE, Math.max(successRate(now), FALLBACK_RATE));
            ceiling = Double.POSITIVE_INFINITY;
            slowStart = true;
        } else {
            // The pace at which the request was sent bounds the limit from above; so does what the service accepted
            // since the last episode (the limit plus what its burst allowance lent, which the pauses refill: an
            // estimate that tightens as the episodes grow apart). The latter undercounts when callers had little to
            // do part of the time (a server whose runs do more than call), so it lowers the estimate by a tenth at
            // most.
            double elapsed = (now - acceptedSince) / (double) SECOND;
            double measured = elapsed >= MIN_MEASURE_SECONDS ? accepted / elapsed : Double.POSITIVE_INFINITY;
            ceiling = Math.min(maxRate, Math.min(permit.rate(), Math.max(measured, MEASURE_FLOOR * permit.rate())));
            rate = Math.max(MIN_RATE, ceiling * (again ? REPEATED_DECREASE : DECREASE));
            slowStart = false;
        }
        episodeStartedAt = now;
        episodeEndsAt = now + pause;
        lastGrowthAt = episodeEndsAt;
        acceptedSince = episodeEndsAt;
        accepted = 0;
    }

    private void grow(long now) {
        if (Double.isInfinite(rate) || now <= lastGrowthAt) return;
        double dt = (now - lastGrowthAt) / (double) SECOND;
        lastGrowthAt = now;
        if (now - lastWaitAt > SECOND) return; // nobody waits for a permit: the rate is not what holds requests back
        if (slowStart) {
            rate *= Math.pow(SLOW_START_FACTOR_PER_SECOND, dt);
        } else {
            // Closes the gap to the plateau quickly, and probes beyond it slowly (the probe also carries the rate over
            // the plateau, which the exponential approach alone never reaches).
            // The probe speeds up the longer no 429 came (as TCP CUBIC's does), so a raised limit is found in minutes.
            if (rate < PLATEAU * ceiling) rate += (PLATEAU * ceiling - rate) * Math.min(1, dt / APPROACH_SECONDS);
            double quiet = Math.max(0, (now - episodeEndsAt) / (double) SECOND);
            rate += rate * PROBE_FRACTION_PER_SECOND * (1 + quiet / PROBE_DOUBLING_SECONDS) * dt;
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

    /** The learned (or configured) limit in requests/s; {@link Double#POSITIVE_INFINITY} while unknown. */
    public synchronized double ceiling() {
        return ceiling;
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
