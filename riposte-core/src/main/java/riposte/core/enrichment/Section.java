package riposte.core.enrichment;

/** The kinds of result a threat-intel source can give about one indicator, in report order. */
public enum Section {
    INSIGHT("insight"),
    PROTECTION("protection"),
    RELATED("related"),
    PROCESS_CHAIN("processChain"),
    HISTORY("history");

    private final String jsonName;

    Section(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The member name used in JSON output and configuration, e.g. {@code processChain}. */
    public String jsonName() {
        return jsonName;
    }

    /** Looks a section up by {@link #jsonName()} or enum name, ignoring case, {@code -} and {@code _}. */
    public static java.util.Optional<Section> fromName(String name) {
        if (name == null) return java.util.Optional.empty();
        String wanted = name.replaceAll("[-_ ]", "").toLowerCase(java.util.Locale.ROOT);
        for (Section s : values()) {
            if (s.jsonName.toLowerCase(java.util.Locale.ROOT).equals(wanted)) return java.util.Optional.of(s);
        }
        return java.util.Optional.empty();
    }
}
