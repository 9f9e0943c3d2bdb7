package riposte.core.enrichment;

/**
 * A Symantec protection technology as the source spelled it. {@link #kind()} classifies the known ones;
 * anything else is {@link Kind#UNRECOGNISED} and kept verbatim.
 */
public record Technology(String raw) {
    public enum Kind {
        ANTIVIRUS("AntiVirus"),
        INTRUSION_PREVENTION("Intrusion Prevention System"),
        BEHAVIOURAL_ANALYSIS("Behavioural Analysis & System Heuristics"),
        UNRECOGNISED("");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    public Kind kind() {
        for (Kind k : Kind.values()) {
            if (k != Kind.UNRECOGNISED && k.wireName.equalsIgnoreCase(raw.strip())) return k;
        }
        return Kind.UNRECOGNISED;
    }

    @Override
    public String toString() {
        return raw;
    }
}
