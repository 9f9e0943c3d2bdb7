package riposte.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address. After {@code maxFailures} failures the key is blocked
 * for {@code backoff}, doubling with each further failure up to {@code maxBackoff}; a successful login clears the
 * user name's count. State lives in two bounded Caffeine caches in this JVM only: servers in a cluster share nothing,
 * so an attacker spreading attempts over N servers gets N times the budget.
 */
@Component
class LoginThrottle {
    private record State(int failures, Instant blockedUntil) {}

    private final SecuritySettings.Login settings;
    private final Clock clock;
    private final Cache<String, State> users;
    private final Cache<String, State> addresses;

    LoginThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings.login();
        this.clock = clock;
        Duration keep = this.settings.maxBackoff().plus(Duration.ofMinutes(15));
        this.users = Caffeine.newBuilder().maximumSize(this.settings.trackedKeys()).expireAfterWrite(keep).build();
        this.addresses = Caffeine.newBuilder().maximumSize(this.settings.trackedKeys()).expireAfterWrite(keep).build();
    }

    /** How long the caller must wait before trying again, or empty when a login may be attempted now. */
    Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(users, userKey(username)), blockedUntil(addresses, address));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Records a failure; returns true when this failure blocked the user name or address. */
    boolean failed(String username, String address) {
        boolean userBlocked = count(users, userKey(username), settings.maxFailuresPerUser());
        boolean addressBlocked = address != null && count(addresses, address, settings.maxFailuresPerAddress());
        return userBlocked || addressBlocked;
    }

    void succeeded(String username) {
        users.invalidate(userKey(username));
    }

    /** Forgets everything (tests). */
    void reset() {
        users.invalidateAll();
        addresses.invalidateAll();
    }

    private boolean count(Cache<String, State> cache, String key, int max) {
        State next = cache.asMap().compute(key, (k, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            Instant until = null;
            if (failures >= max) {
                int doublings = Math.min(failures - max, 20);
                Duration wait = settings.backoff().multipliedBy(1L << doublings);
                if (wait.compareTo(settings.maxBackoff()) > 0) wait = settings.maxBackoff();
                until = clock.instant().plus(wait);
            }
            return new State(failures, until);
        });
        return next.blockedUntil() != null;
    }

    private static Instant blockedUntil(Cache<String, State> cache, String key) {
        if (key == null) return null;
        State state = cache.getIfPresent(key);
        return state == null ? null : state.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
