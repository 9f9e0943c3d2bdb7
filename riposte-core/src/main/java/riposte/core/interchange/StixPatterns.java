package riposte.core.interchange;

import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;

/**
 * STIX 2.1 patterns (section 9) for indicators. Values are always string literals quoted with {@code '} with
 * {@code \} and {@code '} escaped as the grammar requires ({@code \\} and {@code \'}), so a hostile value can never
 * end the literal and add comparisons of its own.
 */
public final class StixPatterns {

    private StixPatterns() {}

    /** The pattern detecting {@code indicator}, e.g. {@code [file:hashes.'SHA-256' = 'e3b0…']}. */
    public static String of(Indicator indicator) {
        return "[" + objectPath(indicator.type()) + " = " + literal(indicator.value()) + "]";
    }

    /** Whether Riposte writes a pattern for this type; CVEs become vulnerabilities, paths and host names have none. */
    public static boolean hasPattern(IndicatorType type) {
        return type != IndicatorType.CVE && type != IndicatorType.HOSTNAME && type != IndicatorType.FILE_PATH;
    }

    /** The object path compared for a type, e.g. {@code ipv4-addr:value}. */
    public static String objectPath(IndicatorType type) {
        return switch (type) {
            case SHA256 -> "file:hashes.'SHA-256'";
            case SHA1 -> "file:hashes.'SHA-1'";
            case MD5 -> "file:hashes.MD5";
            case DOMAIN -> "domain-name:value";
            case IPV4 -> "ipv4-addr:value";
            case IPV6 -> "ipv6-addr:value";
            case URL -> "url:value";
            case EMAIL -> "email-addr:value";
            case CVE, HOSTNAME, FILE_PATH -> throw new IllegalArgumentException("STIX has no observable for a " + type.label());
        };
    }

    /** A STIX pattern string literal: {@code 'value'} with {@code \} and {@code '} escaped. */
    public static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') out.append('\\');
            out.append(c);
        }
        return out.append('\'').toString();
    }
}
