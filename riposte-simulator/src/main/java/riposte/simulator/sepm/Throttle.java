package riposte.simulator.sepm;

/**
 * SEPM's REST throttle (reference §1: {@code scm.web.service.rest.throttle.threshold} calls per
 * {@code .window.mins}): a fixed window on the simulated clock; once the threshold is reached every
 * call gets 429 until the window ends. Zero disables it.
 */
final class Throttle {
    private final int threshold;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    Throttle(int threshold, long windowMillis) {
        this.threshold = threshold;
        this.windowMillis = windowMillis;
    }

    /** 0 if the call may go on, else the whole seconds until the window ends (for {@code Retry-After}). */
    synchronized long acquire(long now) {
        if (threshold <= 0) {
            return 0;
        }
        if (now >= windowStart + windowMillis || windowStart == Long.MIN_VALUE) {
            windowStart = now;
            used = 0;
        }
        if (used < threshold) {
            used++;
            return 0;
        }
        return Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
    }
}
