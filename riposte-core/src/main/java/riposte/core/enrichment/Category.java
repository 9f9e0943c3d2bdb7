package riposte.core.enrichment;

/** A WebPulse category, e.g. {@code 43 "Malicious Sources/Malnets"}; either part may be missing (null). */
public record Category(Integer id, String name) {}
