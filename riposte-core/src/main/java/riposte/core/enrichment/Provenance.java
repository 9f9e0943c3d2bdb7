package riposte.core.enrichment;

import java.time.Duration;
import java.time.Instant;

/** Where a result came from: the source, whether the cache answered, when the source was asked, and how long ago. */
public record Provenance(String sourceId, boolean cacheHit, Instant fetchedAt, Duration age) {}
