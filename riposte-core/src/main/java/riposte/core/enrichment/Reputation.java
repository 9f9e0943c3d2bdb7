package riposte.core.enrichment;

import java.util.Locale;

/**
 * A reputation as the source spelled it. {@link #kind()} classifies the values known today; anything else is
 * {@link Kind#UNRECOGNISED} and kept verbatim in {@link #raw()} — never an error.
 */
public record Reputation(String raw) {
    public enum Kind { GOOD, BAD, UNRECOGNISED }

    public Kind kind() {
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "GOOD" -> Kind.GOOD;
            case "BAD" -> Kind.BAD;
            default -> Kind.UNRECOGNISED;
        };
    }

    /** Null-tolerant factory: a missing value gives {@code null}. */
    static Reputation of(String raw) {
        return raw == null ? null : new Reputation(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
