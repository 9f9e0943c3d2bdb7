package riposte.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the simulator applies to the next request(s) whose raw path starts with {@link #pathPrefix()}.
 *
 * <p>Faults are values: build one with a factory and refine it with the {@code with}-style methods, then hand it to
 * the simulator, e.g. {@code sim.enqueue(Fault.status(429).retryAfter(1))} or
 * {@code sim.enqueue(Fault.status(503).times(2).onPath("/v1/threat-intel/insight/"))}. Each fault fires
 * {@link #times()} times and is then gone. Requests to {@code /_sim/} test hooks never consume faults.
 *
 * @param kind        what happens
 * @param status      the HTTP status for {@link Kind#STATUS}, {@code 307} for {@link Kind#REDIRECT}, else 0
 * @param retryAfter  the {@code Retry-After} header value in seconds, or -1 for none
 * @param duration    how long a {@link Kind#STALL} holds the request, or over how long a {@link Kind#SLOW_BODY}
 *                    dribbles the body; {@link Duration#ZERO} otherwise
 * @param times       how many matching requests the fault applies to (at least 1)
 * @param pathPrefix  raw-path prefix a request must start with; {@code "/v1/"} by default
 */
public record Fault(Kind kind, int status, int retryAfter, Duration duration, int times, String pathPrefix) {

    /** The kinds of misbehaviour, mirroring what real gateways and the SES API do (see DESIGN.md). */
    public enum Kind {
        /** Answer with {@link #status()} and a {@code {"message":…}} body, optionally with {@code Retry-After}. */
        STATUS,
        /** Hold the request for {@link #duration()} before handling it normally, so client timeouts fire. */
        STALL,
        /** Send the headers at once, then the body a byte at a time spread over {@link #duration()}. */
        SLOW_BODY,
        /** Close the connection without any response. */
        DISCONNECT,
        /** Expire the bearer token the request carries, so it (and every later use of it) gets 401. */
        EXPIRE_TOKEN,
        /** Answer 307 with {@code Location} pointing at the same path on the simulator's regional listener. */
        REDIRECT
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (times < 1) throw new IllegalArgumentException("times must be at least 1, was " + times);
        if (duration.isNegative()) throw new IllegalArgumentException("duration must not be negative");
    }

    private static final String ANY_API_PATH = "/v1/";

    /** Answers {@code status} (e.g. 429, 500, 502, 503, 403) with {@code {"message": <reason>}}. */
    public static Fault status(int status) {
        if (status < 100 || status > 599) throw new IllegalArgumentException("not an HTTP status: " + status);
        return new Fault(Kind.STATUS, status, -1, Duration.ZERO, 1, ANY_API_PATH);
    }

    /** Holds the request for {@code duration} before answering normally. */
    public static Fault stall(Duration duration) {
        return new Fault(Kind.STALL, 0, -1, duration, 1, ANY_API_PATH);
    }

    /** Answers normally but dribbles the body over {@code duration}. */
    public static Fault slowBody(Duration duration) {
        return new Fault(Kind.SLOW_BODY, 0, -1, duration, 1, ANY_API_PATH);
    }

    /** Drops the connection without answering. */
    public static Fault disconnect() {
        return new Fault(Kind.DISCONNECT, 0, -1, Duration.ZERO, 1, ANY_API_PATH);
    }

    /** Expires the bearer token of the next request that carries one; that request then gets 401. */
    public static Fault expireToken() {
        return new Fault(Kind.EXPIRE_TOKEN, 0, -1, Duration.ZERO, 1, ANY_API_PATH);
    }

    /** Redirects (307) the next request to the regional listener, as the global SES host does for EU tenants. */
    public static Fault redirect() {
        return new Fault(Kind.REDIRECT, 307, -1, Duration.ZERO, 1, ANY_API_PATH);
    }

    /** Adds a {@code Retry-After: seconds} header (meaningful with {@link #status(int)}). */
    public Fault retryAfter(int seconds) {
        if (seconds < 0) throw new IllegalArgumentException("Retry-After must not be negative");
        return new Fault(kind, status, seconds, duration, times, pathPrefix);
    }

    /** Applies the fault to the next {@code n} matching requests instead of one. */
    public Fault times(int n) {
        return new Fault(kind, status, retryAfter, duration, n, pathPrefix);
    }

    /** Restricts the fault to requests whose raw path starts with {@code prefix}, e.g. {@code /v1/oauth2/}. */
    public Fault onPath(String prefix) {
        return new Fault(kind, status, retryAfter, duration, times, prefix);
    }
}
