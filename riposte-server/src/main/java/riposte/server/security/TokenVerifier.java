package riposte.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks the API token of a request. A token found valid is remembered for {@code riposte.security.token-cache-ttl}
 * (default 5 s), keyed by its SHA-256 (never the token), so that a client sending many requests costs one database
 * lookup per token and period instead of one per request. Its expiry is still checked on every request.
 *
 * <p>Revoking a token, or changing or disabling its user, through this server forgets the cached entries at once
 * (and again when the change commits, so that a lookup racing with it cannot put the old state back). Another server
 * on the same database notices within the TTL: that is the documented revocation delay of a cluster. A TTL of 0
 * turns the cache off. Unknown and invalid tokens are never cached.
 */
@Component
class TokenVerifier {
    /** Far more tokens than a deployment has; each entry is a few hundred bytes. */
    private static final int MAX_ENTRIES = 10_000;

    private final TokenStore tokens;
    private final TokenUseRecorder uses;
    private final Clock clock;
    private final Cache<String, TokenStore.Lookup> valid;
    private final Object invalidation = new Object();
    private long invalidations;

    TokenVerifier(TokenStore tokens, TokenUseRecorder uses, SecuritySettings settings, Clock clock) {
        this.tokens = tokens;
        this.uses = uses;
        this.clock = clock;
        Duration ttl = settings.tokenCacheTtl();
        this.valid = ttl.isZero() || ttl.isNegative() ? null : Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl).ticker(() -> nanos(clock)).build();
    }

    /** The owner of a valid token (known, not revoked, not expired, enabled user); records its use. */
    Optional<TokenStore.Owner> authenticate(String secret) {
        if (!secret.startsWith(TokenStore.PREFIX) || secret.length() > 200) return Optional.empty();
        String hash = TokenStore.hash(secret);
        Instant now = clock.instant();
        TokenStore.Lookup found = valid == null ? null : valid.getIfPresent(hash);
        if (found == null) found = load(hash).orElse(null);
        if (found == null || !found.validAt(now)) return Optional.empty();
        uses.used(found.owner().tokenId(), found.lastUsedAt(), now);
        return Optional.of(found.owner());
    }

    private Optional<TokenStore.Lookup> load(String hash) {
        long before;
        synchronized (invalidation) {
            before = invalidations;
        }
        Optional<TokenStore.Lookup> found = tokens.lookup(hash);
        if (valid != null && found.isPresent() && found.get().usable()) {
            synchronized (invalidation) {
                // not when the token or its user changed while we read: the row we read may be the old one
                if (invalidations == before) valid.put(hash, found.get());
            }
        }
        return found;
    }

    /** Forgets a revoked token now and when the revocation commits. */
    void forgetToken(long tokenId) {
        forget(t -> t.owner().tokenId() == tokenId);
    }

    /** Forgets the tokens of a user whose role or enabled flag changes, now and when the change commits. */
    void forgetUser(String username) {
        forget(t -> t.owner().username().equals(username));
    }

    private void forget(Predicate<TokenStore.Lookup> which) {
        Runnable forget = () -> {
            synchronized (invalidation) {
                invalidations++;
                if (valid != null) valid.asMap().values().removeIf(which);
            }
        };
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }

    private static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
