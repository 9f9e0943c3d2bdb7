package riposte.core.enrichment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a cached section stays fresh. Defaults: insight 1 h (reputations move), protection 6 h (definitions
 * ship a few times a day), related, process chain and history 24 h.
 */
public record SectionTtls(Map<Section, Duration> ttls) {

    public SectionTtls {
        EnumMap<Section, Duration> copy = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            Duration d = ttls.get(s);
            if (d == null || d.isNegative()) throw new IllegalArgumentException("missing or negative TTL for " + s);
            copy.put(s, d);
        }
        ttls = Map.copyOf(copy);
    }

    public static SectionTtls defaults() {
        return new SectionTtls(Map.of(Section.INSIGHT, Duration.ofHours(1), Section.PROTECTION, Duration.ofHours(6),
                Section.RELATED, Duration.ofHours(24), Section.PROCESS_CHAIN, Duration.ofHours(24),
                Section.HISTORY, Duration.ofHours(24)));
    }

    /** A copy with {@code section}'s TTL replaced; {@link Duration#ZERO} turns caching off for it. */
    public SectionTtls with(Section section, Duration ttl) {
        EnumMap<Section, Duration> copy = new EnumMap<>(ttls);
        copy.put(section, ttl);
        return new SectionTtls(copy);
    }

    public Duration ttl(Section section) {
        return ttls.get(section);
    }

    /** The longest TTL, for bounding a backing store's own expiry. */
    public Duration longest() {
        return ttls.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
