package riposte.simulator.http;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens a simulator has issued, each with an expiry. Token values are random and opaque (like the real
 * APIs'); only their validity matters. Thread-safe.
 */
public final class BearerTokens {

    /** Above this many live tokens, expired ones are purged; a sane client holds one token per credential. */
    private static final int PURGE_THRESHOLD = 10_000;
    /** Hard cap so a client that fetches a token per call cannot exhaust memory; extra tokens evict arbitrary ones. */
    private static final int MAX_TOKENS = 100_000;

    private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;
    private final Duration ttl;

    /** A freshly issued token and its lifetime in whole seconds (the {@code expires_in} value). */
    public record Issued(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[value=<redacted>, expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    public BearerTokens(InstantSource clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("token TTL must be positive");
        this.clock = clock;
        this.ttl = ttl;
    }

    public Issued issue() {
        if (expiries.size() >= PURGE_THRESHOLD) purge();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(value, clock.instant().plus(ttl));
        return new Issued(value, ttl.toSeconds());
    }

    /** True if the token was issued here and has neither expired nor been expired. */
    public boolean isValid(String token) {
        if (token == null) return false;
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Expires one token now. */
    public void expire(String token) {
        if (token != null) expiries.remove(token);
    }

    /** Expires every token issued so far. */
    public void expireAll() {
        expiries.clear();
    }

    public Duration ttl() {
        return ttl;
    }

    private void purge() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        Iterator<String> it = expiries.keySet().iterator();
        while (expiries.size() >= MAX_TOKENS && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
