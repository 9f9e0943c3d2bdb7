package riposte.core.enrichment;

/**
 * Implemented by adapter exceptions so the {@link Enricher} (and the CLI) can tell failures apart without
 * depending on the adapter: authentication, invalid indicator, upstream.
 */
public interface ClassifiedException {
    ErrorKind errorKind();

    /** True if trying again later may succeed. */
    default boolean retriable() {
        return false;
    }
}
