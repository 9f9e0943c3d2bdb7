package riposte.core.playbook;

import java.time.Duration;

/**
 * How often a step is tried when it fails with a transient error: at most {@code maxAttempts} attempts in all, the
 * n-th retry waiting {@code delay * backoff^(n-1)}. A retry is a new {@link StepRun} with the next attempt number.
 */
public record RetryPolicy(int maxAttempts, Duration delay, double backoff) {
    /** Three attempts, 5 s then 10 s apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(5), 2.0);
    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (delay == null || delay.isNegative()) throw new IllegalArgumentException("delay must be zero or positive");
        if (backoff < 1.0) throw new IllegalArgumentException("backoff must be at least 1.0");
    }

    /** The wait before attempt {@code failedAttempt + 1}. */
    public Duration delayAfter(int failedAttempt) {
        return scaled(delay, backoff, failedAttempt - 1);
    }

    static Duration scaled(Duration base, double factor, int times) {
        double millis = base.toMillis() * Math.pow(factor, Math.max(0, times));
        return Duration.ofMillis((long) Math.min(millis, Duration.ofDays(365).toMillis()));
    }
}
