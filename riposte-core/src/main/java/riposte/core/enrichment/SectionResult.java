package riposte.core.enrichment;

import riposte.core.indicator.Indicator;

/**
 * One parsed reply of a threat-intel source about one indicator. Every result keeps the raw JSON body it was
 * parsed from ({@link #raw()}), so nothing the source said is lost even when the typed fields miss it.
 */
public sealed interface SectionResult
        permits FileInsight, NetworkInsight, NetworkHistory, Protection, Related, ProcessChain {

    Section section();

    /** The indicator that was queried. */
    Indicator indicator();

    /** The reply body exactly as received. */
    String raw();

    /** True when the source knows nothing about the indicator (the reply held only the echo key, or empty lists). */
    boolean isEmpty();
}
