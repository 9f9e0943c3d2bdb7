package riposte.core.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import riposte.core.indicator.Indicator;

/**
 * An in-process cache of section results with a TTL per section, keyed by (source id, section, normalised
 * indicator). Freshness is decided here against the injected {@link Clock}, so tests use a fake clock; the backing
 * {@link ConcurrentMap} only has to bound memory — pass a Caffeine map
 * ({@code Caffeine.newBuilder().maximumSize(n).expireAfterWrite(ttls.longest()).build().asMap()}) in production;
 * core does not depend on Caffeine, so {@link #inMemory} uses a plain map that it trims itself.
 *
 * <p>The hit path is one map lookup, one clock read and one small record: no locks.
 */
public final class SectionCache {

    /** A cache that never holds anything. */
    public static final SectionCache NONE = new SectionCache(
            new SectionTtls(java.util.Map.of(Section.INSIGHT, Duration.ZERO, Section.PROTECTION, Duration.ZERO,
                    Section.RELATED, Duration.ZERO, Section.PROCESS_CHAIN, Duration.ZERO, Section.HISTORY,
                    Duration.ZERO)), Clock.systemUTC(), new ConcurrentHashMap<>(), 0);

    /** The key: normalised because indicators are normalised at parse time (hashes lower-case and so on). */
    record Key(String sourceId, Section section, Indicator indicator) {}

    /** A cached result and when it was fetched from the source. */
    public record Entry(SectionResult result, Instant fetchedAt, long expiresAtMillis) {}

    private final SectionTtls ttls;
    private final Clock clock;
    private final ConcurrentMap<Object, Entry> store;
    private final int trimAbove;

    /**
     * @param store a thread-safe map that bounds its own size (e.g. a Caffeine map)
     */
    public SectionCache(SectionTtls ttls, Clock clock, ConcurrentMap<Object, Entry> store) {
        this(ttls, clock, store, Integer.MAX_VALUE);
    }

    private SectionCache(SectionTtls ttls, Clock clock, ConcurrentMap<Object, Entry> store, int trimAbove) {
        this.ttls = ttls;
        this.clock = clock;
        this.store = store;
        this.trimAbove = trimAbove;
    }

    /** A cache over a plain map that drops expired (then, if still too big, all) entries past {@code maxEntries}. */
    public static SectionCache inMemory(SectionTtls ttls, Clock clock, int maxEntries) {
        return new SectionCache(ttls, clock, new ConcurrentHashMap<>(), maxEntries);
    }

    public SectionTtls ttls() {
        return ttls;
    }

    /** The fresh entry, or null. */
    public Entry get(String sourceId, Section section, Indicator indicator) {
        Entry e = store.get(new Key(sourceId, section, indicator));
        if (e == null) return null;
        if (clock.millis() >= e.expiresAtMillis()) {
            store.remove(new Key(sourceId, section, indicator), e);
            return null;
        }
        return e;
    }

    /** Stores a successful result fetched at {@code fetchedAt}. Failures are never passed here. */
    public void put(String sourceId, SectionResult result, Instant fetchedAt) {
        Duration ttl = ttls.ttl(result.section());
        if (ttl.isZero()) return;
        if (store.size() >= trimAbove) trim();
        long expires = fetchedAt.toEpochMilli() + ttl.toMillis();
        store.put(new Key(sourceId, result.section(), result.indicator()), new Entry(result, fetchedAt, expires));
    }

    /** The age of an entry now. */
    Duration age(Entry e) {
        return Duration.ofMillis(Math.max(0, clock.millis() - e.fetchedAt().toEpochMilli()));
    }

    public void invalidateAll() {
        store.clear();
    }

    public int size() {
        return store.size();
    }

    private void trim() {
        long now = clock.millis();
        store.values().removeIf(e -> now >= e.expiresAtMillis());
        if (store.size() >= trimAbove) store.clear();
    }
}
