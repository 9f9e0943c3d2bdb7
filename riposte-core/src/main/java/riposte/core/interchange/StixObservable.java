package riposte.core.interchange;

import riposte.core.indicator.Indicator;

/**
 * The SCO an indicator's pattern speaks of: its STIX type, deterministic id and, for a file, the hash algorithm
 * key ({@code MD5}, {@code SHA-1}, {@code SHA-256}); {@code null} means the value goes in {@code value}.
 */
record StixObservable(String type, String id, String hashAlgorithm) {

    static StixObservable of(Indicator indicator) {
        String v = indicator.value();
        return switch (indicator.type()) {
            case SHA256 -> file("SHA-256", v);
            case SHA1 -> file("SHA-1", v);
            case MD5 -> file("MD5", v);
            case DOMAIN -> valued("domain-name", v);
            case IPV4 -> valued("ipv4-addr", v);
            case IPV6 -> valued("ipv6-addr", v);
            case URL -> valued("url", v);
            case EMAIL -> valued("email-addr", v);
            case CVE, HOSTNAME, FILE_PATH ->
                    throw new IllegalArgumentException("no STIX observable for a " + indicator.type().label());
        };
    }

    /** A file's id-contributing property is {@code hashes} (one hash); the others ({@code value}) their value. */
    private static StixObservable file(String algorithm, String hash) {
        return new StixObservable("file",
                StixIds.sco("file", "{\"hashes\":{" + Jcs.string(algorithm) + ":" + Jcs.string(hash) + "}}"),
                algorithm);
    }

    private static StixObservable valued(String type, String value) {
        return new StixObservable(type, StixIds.sco(type, "{\"value\":" + Jcs.string(value) + "}"), null);
    }
}
