package riposte.symantec.ses;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import riposte.core.enrichment.SectionCache;
import riposte.core.enrichment.SectionTtls;

/**
 * A {@link SectionCache} backed by Caffeine (bounded, with eviction), for production use. Freshness per section is
 * still decided by {@link SectionCache} against {@code clock}; Caffeine bounds memory and drops entries past the
 * longest TTL on the real clock.
 */
public final class SesCache {
    private SesCache() {}

    public static SectionCache create(SectionTtls ttls, Clock clock, long maxEntries) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxEntries);
        if (!ttls.longest().isZero()) builder.expireAfterWrite(ttls.longest());
        return new SectionCache(ttls, clock, builder.<Object, SectionCache.Entry>build().asMap());
    }
}
