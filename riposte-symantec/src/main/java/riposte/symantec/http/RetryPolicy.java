package riposte.symantec.http;

import java.time.Duration;

/**
 * Bounds for {@link RetryInterceptor}: at most {@code maxAttempts} attempts (first included), exponential backoff
 * with full jitter from {@code baseDelay} capped at {@code maxDelay}, and at most {@code maxTotalWait} spent
 * waiting in total (a {@code Retry-After} beyond the remaining budget ends the retries).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);
    public static final Duration DEFAULT_MAX_TOTAL_WAIT = Duration.ofMinutes(2);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_TOTAL_WAIT);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxTotalWait);
    }
}
