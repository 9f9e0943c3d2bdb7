package riposte.core.indicator;

/**
 * A typed, normalised indicator of compromise. Obtain one from {@link IndicatorParser#parse(String)};
 * the record constructors validate too, so an instance always holds a well-formed value.
 */
public sealed interface Indicator
        permits Sha256, Md5, Sha1, Domain, Ipv4, Ipv6, Url, Cve, FilePath, Hostname, Email {

    IndicatorType type();

    /** The normalised value (hashes and domains lower-case, CVE ids upper-case, URLs with their scheme). */
    String value();

    /** {@code "SHA-256 e3b0c4…"}, for messages. */
    default String describe() {
        return type().label() + " " + value();
    }
}
