package riposte.symantec.sepm;

/** The {@code remediation} attribute of an EOC match. */
public enum Remediation {
    /** No remediation was asked for (attribute absent). */
    NOT_REQUESTED,
    SUCCEEDED,
    FAILED,
    /** Remediation works by hash only, so path matches get this. */
    UNSUPPORTED,
    /** A value this client does not know. */
    UNKNOWN;

    static Remediation of(String attribute) {
        if (attribute == null || attribute.isBlank()) return NOT_REQUESTED;
        return switch (attribute.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "SUCCEEDED" -> SUCCEEDED;
            case "FAILED" -> FAILED;
            case "UNSUPPORTED" -> UNSUPPORTED;
            default -> UNKNOWN;
        };
    }
}
