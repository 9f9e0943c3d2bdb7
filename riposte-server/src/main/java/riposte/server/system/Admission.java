package riposte.server.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control: at most {@code riposte.server.max-concurrent-requests} requests are worked on at once; the
 * others wait their turn in arrival order, and one that has waited {@code riposte.server.admission-timeout} is
 * answered {@code 503} with {@code Retry-After} (as when no database connection comes free).
 *
 * <p>What it is for: requests run on virtual threads, so without a bound every request that arrives starts at once
 * and they all share the cores. Under a burst hundreds are in progress together and all their objects are alive at
 * the next collection, which makes that pause longer. With a bound, the work in progress (and its memory) stays
 * small; a waiting request holds no database connection and little memory. The price is a hand-over per request
 * beyond the bound, which costs throughput under overload.
 *
 * <p>Transfers that may take as long as the client makes them — uploads (multipart bodies) and downloads of contents,
 * PDFs, CSV and exports — are not counted, so that slow clients cannot hold the server's turns; the database pool
 * still bounds them. {@code 0} (the default) turns admission control off: measured on two cores, a bound of 32 changed
 * nothing at 2 000 requests/s, and under overload it cut the GC pauses over 20 ms by seven but the throughput by 7 %
 * (docs/benchmarks.md), so it is for deployments whose small heap makes pauses matter more than throughput.
 */
final class Admission extends OncePerRequestFilter {
    private final Semaphore turns;
    private final long timeoutNanos;
    private final Overload overload;

    Admission(int maxConcurrent, Duration timeout, Overload overload, MeterRegistry meters) {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("riposte.server.max-concurrent-requests must be 0 (no limit) or more: "
                    + maxConcurrent);
        }
        this.turns = maxConcurrent == 0 ? null : new Semaphore(maxConcurrent, true);
        this.timeoutNanos = timeout.toNanos();
        this.overload = overload;
        if (turns != null) {
            Gauge.builder("riposte.requests.waiting", turns, Semaphore::getQueueLength)
                    .description("Requests waiting for their turn (riposte.server.max-concurrent-requests)")
                    .register(meters);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return turns == null || isTransfer(request);
    }

    /** Uploads and downloads whose duration the client sets. */
    static boolean isTransfer(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) return true;
        String path = request.getRequestURI();
        return path.endsWith("/content") || path.endsWith("/pdf") || path.endsWith("/csv")
                || path.endsWith("/export");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            overload.turnAway(response, "The server is busy with other requests; retry after "
                    + Overload.RETRY_AFTER_SECONDS + " s");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
