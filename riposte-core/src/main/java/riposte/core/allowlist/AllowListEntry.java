package riposte.core.allowlist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One allow-list entry: what it matches ({@link Kind}), its normalised value and why it is listed. Obtain one from
 * {@link AllowListEntries#parse(String, String)}, which validates and normalises; the constructor only checks that
 * nothing is missing.
 *
 * @param kind what the value is
 * @param value the normalised value: {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code 2001:db8::/32},
 *     {@code example.com}, {@code *.example.com}, a lower-case hash, or {@code private}
 * @param reason why it is listed, shown wherever the entry matches
 */
public record AllowListEntry(Kind kind, String value, String reason) {

    /** What an entry matches. */
    public enum Kind {
        /** An IPv4 or IPv6 address or CIDR block; matches addresses inside it and URLs with such a host. */
        ADDRESS,
        /** The built-in private and reserved address ranges ({@code private}); see {@link AllowListEntries}. */
        PRIVATE_ADDRESSES,
        /** One exact domain or host name; matches it, e-mail addresses at it and URLs with it as host. */
        DOMAIN,
        /** {@code *.example.com}: every name below {@code example.com}, at any depth, but not {@code example.com}. */
        WILDCARD_DOMAIN,
        MD5,
        SHA1,
        SHA256;

        /** A stable lower-case name for JSON, filters and the CLI, e.g. {@code wildcard_domain}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Looks a kind up by {@link #id()} or name, ignoring case and {@code -}/{@code _}. */
        public static Optional<Kind> fromId(String id) {
            if (id == null) return Optional.empty();
            String wanted = id.strip().replace('-', '_').toUpperCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
        }
    }

    public AllowListEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "*.example.com (corporate mail)"}, for messages. */
    public String describe() {
        return value + " (" + reason + ")";
    }
}
