package riposte.core.allowlist;

import com.google.common.net.InternetDomainName;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.regex.Pattern;
import riposte.core.allowlist.AllowListEntry.Kind;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;

/**
 * The one parser for allow-list entries typed, pasted or sent by users.
 *
 * <ul>
 *   <li>{@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}: an address or CIDR block. A block with host
 *       bits set ({@code 10.1.2.3/8}) stands for its network ({@code 10.0.0.0/8}); {@code /32} and {@code /128} are
 *       single addresses.</li>
 *   <li>{@code private}: the built-in private and reserved ranges ({@link #PRIVATE_RANGES}), like XSOAR's
 *       "Ignore Private IPs".</li>
 *   <li>{@code example.com}, {@code files.corp.local}: exactly that name. Case, a trailing dot and IDN
 *       ({@code bücher.example} → {@code xn--bcher-kva.example}) are normalised by the {@link IndicatorParser}.</li>
 *   <li>{@code *.example.com}: every name below {@code example.com}, at any depth — not {@code example.com} itself
 *       (list both to cover both). {@code *} alone and wildcards over a public suffix ({@code *.com},
 *       {@code *.co.uk}) are refused.</li>
 *   <li>MD5, SHA-1 and SHA-256 hashes, in any case.</li>
 * </ul>
 *
 * Defanged input ({@code 1.2.3[.]4}, {@code evil[.]example}) is accepted as the indicator parser accepts it. Every
 * entry needs a reason.
 */
public final class AllowListEntries {

    /** What every "not an entry" message lists. */
    public static final String ACCEPTED = "an IPv4 or IPv6 address or CIDR block (192.0.2.7, 10.0.0.0/8, "
            + "2001:db8::/32), 'private' for the private and reserved ranges, a domain or host name (example.com), "
            + "a wildcard domain (*.example.com) or an MD5, SHA-1 or SHA-256 hash";

    /** The value of the built-in private and reserved ranges entry. */
    public static final String PRIVATE = "private";

    /**
     * What {@code private} covers: RFC 1918, loopback, link-local, carrier-grade NAT (RFC 6598), "this network",
     * broadcast, and the IPv6 loopback, unspecified, unique-local and link-local ranges. Documentation ranges
     * (192.0.2.0/24 ...) are not included: they appear in examples and tests as stand-ins for public addresses.
     */
    public static final java.util.List<String> PRIVATE_RANGES = java.util.List.of("10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8", "255.255.255.255/32",
            "::1/128", "::/128", "fc00::/7", "fe80::/10");

    /** A reason longer than this is refused (the database column holds 1000 characters). */
    public static final int MAX_REASON_LENGTH = 1000;

    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");
    /** Address characters before the slash: {@code evil.example/123} is a URL, not a CIDR block. */
    private static final Pattern CIDR_SHAPE = Pattern.compile("[0-9a-fA-F:.\\[\\]]+/\\d{1,3}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{30,66}");

    private AllowListEntries() {}

    /**
     * Parses one entry.
     *
     * @throws InvalidAllowListEntryException naming the value or the reason, what was wrong and what is accepted
     */
    public static AllowListEntry parse(String value, String reason) {
        if (value == null || value.isBlank()) {
            throw new InvalidAllowListEntryException("value", String.valueOf(value), "empty value: expected " + ACCEPTED);
        }
        String text = value.strip();
        Kind kind;
        String normalised;
        if (text.equalsIgnoreCase(PRIVATE)) {
            kind = Kind.PRIVATE_ADDRESSES;
            normalised = PRIVATE;
        } else if (text.contains("*")) {
            kind = Kind.WILDCARD_DOMAIN;
            normalised = "*." + wildcardSuffix(value, text);
        } else if (CIDR_SHAPE.matcher(text).matches()) {
            kind = Kind.ADDRESS;
            normalised = cidr(value, text);
        } else {
            Indicator indicator = indicator(value, text);
            kind = switch (indicator.type()) {
                case MD5 -> Kind.MD5;
                case SHA1 -> Kind.SHA1;
                case SHA256 -> Kind.SHA256;
                case IPV4, IPV6 -> Kind.ADDRESS;
                case DOMAIN, HOSTNAME -> Kind.DOMAIN;
                case URL -> throw invalid(value, "'" + shown(value) + "' is a URL: allow-list its host ("
                        + ((riposte.core.indicator.Url) indicator).host() + ") or a wildcard over its domain instead");
                case EMAIL -> throw invalid(value, "'" + shown(value) + "' is an e-mail address: allow-list its domain ("
                        + indicator.value().substring(indicator.value().lastIndexOf('@') + 1) + ") instead");
                case CVE, FILE_PATH -> throw invalid(value, "'" + shown(value) + "' is a " + indicator.type().label()
                        + ", which cannot be allow-listed: expected " + ACCEPTED);
            };
            normalised = indicator.value();
            if (kind == Kind.DOMAIN && isPublicSuffix(normalised)) {
                throw invalid(value, "'" + shown(value) + "' is a public suffix, not a domain: expected a "
                        + "registrable domain such as example." + normalised);
            }
        }
        return new AllowListEntry(kind, normalised, reason(normalised, reason));
    }

    /**
     * Parses a pasted line: the value, then (after white space) its reason; without one, {@code sharedReason}.
     * Values never contain white space, so the first run of it separates them.
     */
    public static AllowListEntry parseLine(String line, String sharedReason) {
        String text = line == null ? "" : line.strip();
        String[] parts = text.split("\\s+", 2);
        String reason = parts.length > 1 ? parts[1].strip() : sharedReason;
        return parse(parts[0], reason);
    }

    /** True for lines a paste skips: blank, or a comment starting with {@code #}. */
    public static boolean skipped(String line) {
        return line == null || line.isBlank() || line.strip().startsWith("#");
    }

    private static String reason(String value, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidAllowListEntryException("reason", String.valueOf(reason),
                    "a reason is required: say why " + value + " is allow-listed");
        }
        String r = reason.strip();
        if (r.length() > MAX_REASON_LENGTH) {
            throw new InvalidAllowListEntryException("reason", r.substring(0, 60) + "...", "the reason has "
                    + r.length() + " characters: at most " + MAX_REASON_LENGTH + " are accepted");
        }
        return r;
    }

    private static String wildcardSuffix(String value, String text) {
        if (text.equals("*") || text.equals("*.")) {
            throw invalid(value, "'" + text + "' alone would allow-list every name: expected a wildcard below a "
                    + "registrable domain, such as *.example.com");
        }
        if (!text.startsWith("*.") || text.indexOf('*', 1) >= 0) {
            throw invalid(value, "'" + shown(value) + "' has a '*' that is not its first label: a wildcard is "
                    + "accepted only as '*.' in front of a domain, such as *.example.com");
        }
        String rest = text.substring(2);
        Indicator name;
        try {
            name = IndicatorParser.parse(rest);
        } catch (InvalidIndicatorException e) {
            throw invalid(value, "'" + shown(value) + "' is not a wildcard domain: '" + shown(rest)
                    + "' is not a domain name; expected e.g. *.example.com");
        }
        return switch (name.type()) {
            case DOMAIN, HOSTNAME -> {
                if (isPublicSuffix(name.value())) {
                    throw invalid(value, "'" + shown(value) + "' would allow-list every name under the public suffix "
                            + name.value() + ": expected a wildcard below a registrable domain, such as *.example."
                            + name.value());
                }
                yield name.value();
            }
            default -> throw invalid(value, "'" + shown(value) + "' is not a wildcard domain: '" + shown(rest)
                    + "' is not a domain name (" + name.type().label() + "); expected e.g. *.example.com");
        };
    }

    private static boolean isPublicSuffix(String name) {
        return InternetDomainName.isValid(name) && InternetDomainName.from(name).isPublicSuffix();
    }

    private static String cidr(String value, String text) {
        var m = CIDR.matcher(text);
        m.matches();
        String explain = "'" + shown(value) + "' is not a valid CIDR block: expected an IPv4 or IPv6 address and a "
                + "prefix length, such as 10.0.0.0/8 (0 to 32) or 2001:db8::/32 (0 to 128)";
        Indicator address;
        try {
            address = IndicatorParser.parse(m.group(1));
        } catch (InvalidIndicatorException e) {
            throw invalid(value, explain);
        }
        int bits = Integer.parseInt(m.group(2));
        int max = switch (address.type()) {
            case IPV4 -> 32;
            case IPV6 -> 128;
            default -> throw invalid(value, explain);
        };
        if (bits > max) {
            throw invalid(value, "'" + shown(value) + "' has prefix length " + bits + ": an " + address.type().label()
                    + " block takes 0 to " + max);
        }
        if (bits == max) return address.value();
        IPAddress block = new IPAddressString(address.value() + "/" + bits).getAddress().toPrefixBlock();
        return block.toCanonicalString();
    }

    private static Indicator indicator(String value, String text) {
        try {
            return IndicatorParser.parse(text);
        } catch (InvalidIndicatorException e) {
            // The parser's hash-length message is precise; its list of indicator kinds is not what is accepted here.
            if (HEX.matcher(text).matches()) throw invalid(value, e.getMessage());
            throw invalid(value, "'" + shown(value) + "' is not an allow-list entry: expected " + ACCEPTED);
        }
    }

    private static InvalidAllowListEntryException invalid(String value, String message) {
        return new InvalidAllowListEntryException("value", value, message);
    }

    private static String shown(String input) {
        String s = input.strip();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
