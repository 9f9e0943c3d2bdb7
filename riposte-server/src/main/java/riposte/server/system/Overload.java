package riposte.server.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognises the two ways in which "the server is overloaded", not "the server is broken": no database connection
 * came free within the pool's timeout (HikariCP throws {@link SQLTransientConnectionException}; Spring wraps it in
 * {@code CannotGetJdbcConnectionException} or {@code CannotCreateTransactionException}), or a request waited too
 * long for its turn ({@link Admission}). Such requests are answered {@code 503} with {@code Retry-After} instead of
 * {@code 500}, so clients and load balancers back off, and logged as one warning per 10 s with a running count
 * rather than one error with a stack trace per request.
 */
@Component
public final class Overload {
    private static final Logger log = LoggerFactory.getLogger(Overload.class);
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 1;
    static final String TYPE = ProblemAdvice.TYPE_PREFIX + "overloaded";
    static final String TITLE = "Server busy";
    static final String DETAIL = "The server has no free database connection right now; retry after "
            + RETRY_AFTER_SECONDS + " s";

    private final JsonMapper json;
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong count = new AtomicLong();

    public Overload(JsonMapper json) {
        this.json = json;
    }

    /** Counts one request turned away and answers it {@code 503} with {@code Retry-After} and a problem document. */
    void turnAway(HttpServletResponse response, String detail) throws IOException {
        turnedAway();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("title", TITLE);
        body.put("status", 503);
        body.put("detail", detail);
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Counts one request turned away, and logs a warning at most every 10 s. */
    void turnedAway() {
        long n = count.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            log.warn("Overloaded: no database connection or no turn came free in time; answered 503 ({} requests so"
                    + " far); see RIPOSTE_DB_POOL_SIZE, RIPOSTE_DB_POOL_TIMEOUT_MS and RIPOSTE_MAX_CONCURRENT_REQUESTS"
                    + " in docs/configuration.md", n);
        }
    }

    /** Requests answered 503 since the server started. */
    public long turnedAwayCount() {
        return count.get();
    }

    /** Whether {@code failure}, or anything that caused it, is a connection-pool timeout. */
    public static boolean isPoolExhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
        }
        return false;
    }
}
