package riposte.simulator.http;

import java.time.InstantSource;

/**
 * A token bucket: {@code ratePerSecond} permits per second, bursts up to one second's worth. Simulator-only: the
 * real SES API publishes no rate limit, but clients must cope with one (429 + {@code Retry-After}).
 */
final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerSecond;
    private final double capacity;
    private final InstantSource clock;
    private double available;
    private long lastRefillNanos;

    RateLimiter(double ratePerSecond, InstantSource clock) {
        if (!(ratePerSecond > 0)) throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.clock = clock;
        this.available = capacity;
        this.lastRefillNanos = nanos();
    }

    /** Takes a permit; returns 0 on success, else the whole seconds to wait (at least 1) for the next permit. */
    synchronized long tryAcquire() {
        long now = nanos();
        if (now > lastRefillNanos) {
            available = Math.min(capacity, available + (now - lastRefillNanos) * ratePerSecond / NANOS_PER_SECOND);
            lastRefillNanos = now;
        }
        if (available >= 1.0) {
            available -= 1.0;
            return 0;
        }
        double waitSeconds = (1.0 - available) / ratePerSecond;
        return Math.max(1, (long) Math.ceil(waitSeconds));
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }
}
