package riposte.simulator.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The knobs every simulator shares.
 *
 * @param port               primary listener port on loopback; 0 picks a free one
 * @param latencyMin         least added latency per API request
 * @param latencyMax         most added latency; equal to {@code latencyMin} for a fixed latency
 * @param rateLimitPerSecond API requests per second before 429 (token bucket); 0 for no limit
 * @param errorRate          share of API requests, 0 to 1, that get a random 500, 502 or 503
 * @param seed               seeds the latency and error dice (and the simulators' data)
 * @param regionRedirect     answer every bearer-protected request on the primary listener with 307 to the regional
 *                           listener
 * @param journalCapacity    how many recent requests the journal keeps
 * @param clock              time for token expiry and the rate limiter (tests pass a fake)
 */
public record ServerOptions(int port, Duration latencyMin, Duration latencyMax, double rateLimitPerSecond,
                            double errorRate, long seed, boolean regionRedirect, int journalCapacity,
                            InstantSource clock) {

    public static final int DEFAULT_JOURNAL_CAPACITY = 1000;

    public ServerOptions {
        Objects.requireNonNull(latencyMin, "latencyMin");
        Objects.requireNonNull(latencyMax, "latencyMax");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
            throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max");
        }
        if (rateLimitPerSecond < 0 || Double.isNaN(rateLimitPerSecond)) {
            throw new IllegalArgumentException("rate limit must be >= 0 (0 = none)");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) throw new IllegalArgumentException("error rate must be in [0, 1]");
        if (journalCapacity < 0) throw new IllegalArgumentException("journal capacity must be >= 0");
    }

    /** Loopback on a free port, no latency, no limits, no errors, seed 42. */
    public static ServerOptions defaults() {
        return new ServerOptions(0, Duration.ZERO, Duration.ZERO, 0, 0, 42, false, DEFAULT_JOURNAL_CAPACITY,
                InstantSource.system());
    }
}
