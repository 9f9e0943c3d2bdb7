package riposte.core.allowlist;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressAssociativeTrie;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import riposte.core.allowlist.AllowListEntry.Kind;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Url;

/**
 * An immutable index of allow-list entries that says whether an indicator is allow-listed, and by which entry.
 *
 * <p>Lookups cost the same with ten entries or a hundred thousand: hashes and exact names are hash-set lookups, a
 * wildcard is found by walking the name's parent domains ({@code a.b.example.com} → {@code b.example.com} →
 * {@code example.com} → {@code com}), and addresses by longest-prefix match in a binary trie per IP version. When
 * several entries match, the most specific wins: an exact name before a wildcard, the nearest wildcard before a
 * farther one, the longest prefix before a shorter one, your own entry before the built-in {@code private} ranges.
 *
 * <p>What matches what: hashes match the same hash; addresses match addresses inside the block; a URL matches by its
 * host (name or address); an e-mail address by its domain; domain and host-name indicators by name. CVE ids and file
 * paths never match. Safe for concurrent use once built.
 *
 * <pre>{@code
 * AllowList list = AllowList.of(List.of(AllowListEntries.parse("*.example.com", "our mail provider")));
 * list.match(IndicatorParser.parse("hxxp://cdn.example[.]com/a.js")); // Optional[the entry]
 * }</pre>
 */
public final class AllowList {
    /** No entries: nothing is allow-listed. */
    public static final AllowList EMPTY = of(List.of());

    private final List<AllowListEntry> entries;
    private final Map<String, AllowListEntry> hashes = new HashMap<>();
    private final Map<String, AllowListEntry> names = new HashMap<>();
    /** Keyed by the suffix without {@code *.}: {@code example.com} for {@code *.example.com}. */
    private final Map<String, AllowListEntry> wildcards = new HashMap<>();
    private final IPv4AddressAssociativeTrie<AllowListEntry> ipv4 = new IPv4AddressAssociativeTrie<>();
    private final IPv6AddressAssociativeTrie<AllowListEntry> ipv6 = new IPv6AddressAssociativeTrie<>();

    private AllowList(List<AllowListEntry> entries) {
        this.entries = entries;
        // The built-in ranges first, so that an entry of one's own for the same block (and its reason) wins.
        entries.stream().filter(e -> e.kind() == Kind.PRIVATE_ADDRESSES).findFirst().ifPresent(e -> {
            for (String range : AllowListEntries.PRIVATE_RANGES) put(range, e);
        });
        for (AllowListEntry e : entries) {
            switch (e.kind()) {
                case MD5, SHA1, SHA256 -> hashes.putIfAbsent(e.value(), e);
                case DOMAIN -> names.putIfAbsent(e.value(), e);
                case WILDCARD_DOMAIN -> wildcards.putIfAbsent(e.value().substring(2), e);
                case ADDRESS -> put(e.value(), e);
                case PRIVATE_ADDRESSES -> { } // above
            }
        }
    }

    /** An index of {@code entries} (parsed by {@link AllowListEntries}); the first of two equal values wins. */
    public static AllowList of(Collection<AllowListEntry> entries) {
        return new AllowList(List.copyOf(entries));
    }

    /** The entries, in the order given. */
    public List<AllowListEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The entry that allow-lists {@code indicator}, or empty. */
    public Optional<AllowListEntry> match(Indicator indicator) {
        return Optional.ofNullable(switch (indicator.type()) {
            case MD5, SHA1, SHA256 -> hashes.get(indicator.value());
            case DOMAIN, HOSTNAME -> name(indicator.value());
            case IPV4, IPV6 -> address(indicator.value());
            case URL -> host(((Url) indicator).host());
            case EMAIL -> name(indicator.value().substring(indicator.value().lastIndexOf('@') + 1));
            case CVE, FILE_PATH -> null;
        });
    }

    /**
     * The entry that allow-lists {@code value} (any indicator text, defanged forms too), or empty, also when the
     * value is not an indicator at all.
     */
    public Optional<AllowListEntry> match(String value) {
        return IndicatorParser.tryParseText(value).flatMap(this::match);
    }

    /** A URL's host: an address literal or a name. */
    private AllowListEntry host(String host) {
        Indicator parsed = IndicatorParser.tryParseText(host).orElse(null);
        if (parsed == null) return null;
        return switch (parsed.type()) {
            case IPV4, IPV6 -> address(parsed.value());
            default -> name(parsed.value());
        };
    }

    private AllowListEntry name(String name) {
        AllowListEntry exact = names.get(name);
        if (exact != null || wildcards.isEmpty()) return exact;
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            AllowListEntry w = wildcards.get(name.substring(dot + 1));
            if (w != null) return w;
        }
        return null;
    }

    private AllowListEntry address(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null) return null;
        if (address instanceof IPv4Address v4) {
            var node = ipv4.longestPrefixMatchNode(v4);
            return node == null ? null : node.getValue();
        }
        var node = ipv6.longestPrefixMatchNode((IPv6Address) address);
        return node == null ? null : node.getValue();
    }

    private void put(String block, AllowListEntry entry) {
        IPAddress address = new IPAddressString(block).getAddress().toPrefixBlock();
        if (address instanceof IPv4Address v4) ipv4.put(v4, entry);
        else ipv6.put((IPv6Address) address, entry);
    }
}
