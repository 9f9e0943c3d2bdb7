package riposte.core.enrichment;

import java.util.List;

/**
 * A prevalence band as the source spelled it, e.g. {@code LessThanFifty}, {@code Hundreds} (files) or
 * {@code Low}, {@code Medium} (network). Unknown bands are kept verbatim; {@link #isKnown()} tells them apart.
 */
public record Prevalence(String raw) {
    /** Bands seen in public replies; larger ones probably exist and are kept as they come. */
    static final List<String> KNOWN = List.of("LessThanFifty", "LessThanHundred", "Hundreds", "Thousands",
            "TensOfThousands", "HundredsOfThousands", "Millions", "Low", "Medium", "High");

    public boolean isKnown() {
        return KNOWN.contains(raw);
    }

    static Prevalence of(String raw) {
        return raw == null ? null : new Prevalence(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
