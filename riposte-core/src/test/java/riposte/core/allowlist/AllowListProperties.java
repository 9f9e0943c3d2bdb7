package riposte.core.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import riposte.core.allowlist.AllowListEntry.Kind;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;

/**
 * The index agrees with the obvious definition — scan every entry, keep the most specific that matches — on random
 * lists and random values drawn from a small space, so that matches are frequent.
 */
class AllowListProperties {

    @Property(tries = 300)
    void theIndexAgreesWithALinearScan(@ForAll("entries") List<AllowListEntry> entries,
            @ForAll("values") List<String> values) {
        AllowList index = AllowList.of(entries);
        for (String value : values) {
            Indicator indicator = IndicatorParser.parse(value);
            Optional<AllowListEntry> expected = linearScan(entries, indicator);
            assertThat(index.match(indicator).map(AllowListEntry::value)).as(value)
                    .isEqualTo(expected.map(AllowListEntry::value));
        }
    }

    @Property(tries = 200)
    void parsingIsIdempotent(@ForAll("entryTexts") String text) {
        AllowListEntry once = AllowListEntries.parse(text, "r");
        assertThat(AllowListEntries.parse(once.value(), "r")).isEqualTo(once);
    }

    @Provide
    Arbitrary<List<AllowListEntry>> entries() {
        return entryTexts().map(t -> AllowListEntries.parse(t, "r")).list().ofMaxSize(30)
                .map(AllowListProperties::distinctValues);
    }

    @Provide
    Arbitrary<String> entryTexts() {
        Arbitrary<String> cidr = Combinators.combine(octet(), octet(), octet(), Arbitraries.integers().between(8, 32))
                .as((a, b, c, bits) -> "10." + a + "." + b + "." + c + "/" + bits);
        Arbitrary<String> v6 = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(16, 128)).as((a, bits) -> "2001:db8:" + a + "::/" + bits);
        Arbitrary<String> exact = name().map(n -> n);
        Arbitrary<String> wildcard = name().map(n -> "*." + n);
        Arbitrary<String> hash = Arbitraries.integers().between(0, 7).map(i -> Integer.toHexString(i).repeat(32));
        return Arbitraries.oneOf(cidr, v6, exact, wildcard, hash, Arbitraries.just("private"));
    }

    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.of("10", "172", "192"), octet(), octet(), octet())
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 3).map(a -> "2001:db8:" + a + "::" + (a + 1));
        Arbitrary<String> host = Combinators.combine(Arbitraries.of("", "www.", "a.b."), name())
                .as((p, n) -> p + n);
        Arbitrary<String> url = host.map(h -> "https://" + h + "/x");
        Arbitrary<String> mail = host.map(h -> "joe@" + h);
        Arbitrary<String> hash = Arbitraries.integers().between(0, 9).map(i -> Integer.toHexString(i).repeat(32));
        return Arbitraries.oneOf(v4, v6, host, url, mail, hash).list().ofMinSize(1).ofMaxSize(20);
    }

    private static Arbitrary<Integer> octet() {
        return Arbitraries.integers().between(0, 3);
    }

    private static Arbitrary<String> name() {
        return Combinators.combine(Arbitraries.of("", "x.", "cdn.", "mail.x."), Arbitraries.of("example", "corp"),
                Arbitraries.of(".com", ".org", ".local")).as((a, b, c) -> a + b + c);
    }

    private static List<AllowListEntry> distinctValues(List<AllowListEntry> entries) {
        List<AllowListEntry> out = new ArrayList<>();
        for (AllowListEntry e : entries) {
            if (out.stream().noneMatch(o -> o.value().equals(e.value()))) out.add(e);
        }
        return out;
    }

    /** Most specific: exact name, then the longest wildcard suffix; the longest prefix; an own block over private. */
    private static Optional<AllowListEntry> linearScan(List<AllowListEntry> entries, Indicator indicator) {
        AllowListEntry best = null;
        long bestScore = -1;
        for (AllowListEntry e : entries) {
            long score = score(e, indicator);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How specifically {@code e} matches, or -1. */
    private static long score(AllowListEntry e, Indicator indicator) {
        String v = indicator.value();
        String name = switch (indicator.type()) {
            case DOMAIN, HOSTNAME -> v;
            case EMAIL -> v.substring(v.indexOf('@') + 1);
            case URL -> ((riposte.core.indicator.Url) indicator).host();
            default -> null;
        };
        String address = switch (indicator.type()) {
            case IPV4, IPV6 -> v;
            default -> null;
        };
        return switch (e.kind()) {
            case MD5, SHA1, SHA256 -> e.value().equals(v) ? 1 : -1;
            case DOMAIN -> e.value().equals(name) ? 10_000 : -1;
            case WILDCARD_DOMAIN -> name != null && name.endsWith(e.value().substring(1)) ? e.value().length() : -1;
            case ADDRESS -> address != null && contains(e.value(), address) ? 2 * prefix(e.value()) + 1 : -1;
            case PRIVATE_ADDRESSES -> address == null ? -1 : AllowListEntries.PRIVATE_RANGES.stream()
                    .filter(r -> contains(r, address)).mapToLong(r -> 2L * prefix(r)).max().orElse(-1);
        };
    }

    private static boolean contains(String block, String address) {
        var b = new IPAddressString(block).getAddress().toPrefixBlock();
        var a = new IPAddressString(address).getAddress();
        return b.getIPVersion() == a.getIPVersion() && b.contains(a);
    }

    private static int prefix(String block) {
        Integer p = new IPAddressString(block).getAddress().getNetworkPrefixLength();
        return p == null ? new IPAddressString(block).getAddress().getBitCount() : p;
    }
}
