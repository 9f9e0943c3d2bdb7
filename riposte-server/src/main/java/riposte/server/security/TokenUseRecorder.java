package riposte.server.security;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the "last used" time of API tokens off the request path: a request only notes the time in memory (at most
 * once a minute per token), and a background thread writes the noted times every 10 s, and when the server stops.
 * Listing tokens writes them first, so the list on this server is current.
 */
@Component
class TokenUseRecorder {
    private static final Logger log = LoggerFactory.getLogger(TokenUseRecorder.class);
    /** The "last used" time is accurate to this; more would write a row per request. */
    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(10);

    private final TokenStore tokens;
    /** Token id to the latest use noted and not yet written. */
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();
    /** Token id to the latest use written or noted, to skip uses within the resolution. */
    private final Map<Long, Instant> known = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    TokenUseRecorder(TokenStore tokens) {
        this.tokens = tokens;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("riposte-token-use").factory());
        long every = FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Notes that a token was used at {@code now}; {@code recorded} is the last use the database had when read. */
    void used(long tokenId, Instant recorded, Instant now) {
        Instant last = known.get(tokenId);
        if (last == null || recorded != null && recorded.isAfter(last)) last = recorded;
        if (last != null && !last.plus(RESOLUTION).isBefore(now)) return;
        known.put(tokenId, now);
        pending.merge(tokenId, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes the noted uses. */
    void flush() {
        if (pending.isEmpty()) return;
        Map<Long, Instant> batch = new HashMap<>();
        for (Long id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) batch.put(id, at);
        }
        try {
            tokens.recordUse(batch);
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
        if (known.size() > 100_000) known.clear(); // a bound; forgetting only costs an early write
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("could not record the last use of API tokens (will retry): {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
        flushQuietly();
    }
}
