package riposte.simulator.sepm;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time: a start instant plus manual advances, plus the wall-clock time elapsed since the
 * start unless the clock is frozen (tests freeze it and move it with {@link #advance}).
 */
final class SimClock {
    private final long startMillis;
    private final boolean frozen;
    private final long wallStartNanos = System.nanoTime();
    private long advancedMillis;

    SimClock(Instant start, boolean frozen) {
        this.startMillis = start.toEpochMilli();
        this.frozen = frozen;
    }

    synchronized long millis() {
        long wall = frozen ? 0 : (System.nanoTime() - wallStartNanos) / 1_000_000;
        return startMillis + advancedMillis + wall;
    }

    Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    long startMillis() {
        return startMillis;
    }

    synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulated clock cannot go back: " + by);
        }
        advancedMillis += by.toMillis();
        return now();
    }
}
