package riposte.core.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riposte.core.allowlist.AllowListEntry.Kind;

class AllowListEntriesTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.7                                                        | ADDRESS | 192.0.2.7
            10.0.0.0/8                                                       | ADDRESS | 10.0.0.0/8
            10.1.2.3/8                                                       | ADDRESS | 10.0.0.0/8
            192.0.2.7/32                                                     | ADDRESS | 192.0.2.7
            10[.]0.0.0/16                                                    | ADDRESS | 10.0.0.0/16
            0.0.0.0/0                                                        | ADDRESS | 0.0.0.0/0
            2001:0DB8::/32                                                   | ADDRESS | 2001:db8::/32
            2001:db8::1/128                                                  | ADDRESS | 2001:db8::1
            [2001:db8::]/48                                                  | ADDRESS | 2001:db8::/48
            PRIVATE                                                          | PRIVATE_ADDRESSES | private
            Example.COM.                                                     | DOMAIN  | example.com
            bücher.example.de                                                | DOMAIN  | xn--bcher-kva.example.de
            files.corp.local                                                 | DOMAIN  | files.corp.local
            WS-042                                                           | DOMAIN  | ws-042
            *.Example.com                                                    | WILDCARD_DOMAIN | *.example.com
            *.bücher.example                                                 | WILDCARD_DOMAIN | *.xn--bcher-kva.example
            *.corp.local                                                     | WILDCARD_DOMAIN | *.corp.local
            *.example.co.uk                                                  | WILDCARD_DOMAIN | *.example.co.uk
            D41D8CD98F00B204E9800998ECF8427E                                 | MD5     | d41d8cd98f00b204e9800998ecf8427e
            DA39A3EE5E6B4B0D3255BFEF95601890AFD80709                         | SHA1    | da39a3ee5e6b4b0d3255bfef95601890afd80709
            E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | SHA256  | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    void recognisesAndNormalises(String input, Kind kind, String value) {
        AllowListEntry entry = AllowListEntries.parse(input, " why ");
        assertThat(entry.kind()).isEqualTo(kind);
        assertThat(entry.value()).isEqualTo(value);
        assertThat(entry.reason()).isEqualTo("why");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            *                          | '*' alone would allow-list every name
            *.                         | '*.' alone would allow-list every name
            *.com                      | every name under the public suffix com
            *.co.uk                    | every name under the public suffix co.uk
            com                        | 'com' is a public suffix, not a domain
            a.*.example.com            | a '*' that is not its first label
            **.example.com             | a '*' that is not its first label
            *example.com               | a '*' that is not its first label
            *.8.8.8.8                  | '8.8.8.8' is not a domain name (IPv4 address)
            10.0.0.0/33                | has prefix length 33: an IPv4 address block takes 0 to 32
            2001:db8::/129             | has prefix length 129
            10.0.0/8                   | is not a valid CIDR block: expected an IPv4 or IPv6 address and a prefix length
            300.1.1.1/8                | is not a valid CIDR block
            d41d8cd98f00b204e9800998ecf8427                       | has 31 hex digits: SHA-256 has 64, SHA-1 40 and MD5 32
            https://evil.example.com/a.png | is a URL: allow-list its host (evil.example.com)
            alice@example.com          | is an e-mail address: allow-list its domain (example.com)
            CVE-2023-35311             | is a CVE, which cannot be allow-listed
            C:\\Windows\\evil.exe      | is a file path, which cannot be allow-listed
            not a value                | 'not a value' is not an allow-list entry: expected an IPv4 or IPv6 address or CIDR block
            """)
    void refusesWithAMessageNamingTheInputAndWhatIsAccepted(String input, String message) {
        assertThatThrownBy(() -> AllowListEntries.parse(input.replace("\\\\", "\\"), "a reason"))
                .isInstanceOf(InvalidAllowListEntryException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidAllowListEntryException) e).field()).isEqualTo("value"));
    }

    @Test
    void aReasonIsRequiredAndBounded() {
        assertThatThrownBy(() -> AllowListEntries.parse("example.com", "  "))
                .isInstanceOf(InvalidAllowListEntryException.class)
                .hasMessage("a reason is required: say why example.com is allow-listed")
                .satisfies(e -> assertThat(((InvalidAllowListEntryException) e).field()).isEqualTo("reason"));
        assertThatThrownBy(() -> AllowListEntries.parse("example.com", "x".repeat(1001)))
                .hasMessageContaining("1001 characters: at most 1000");
        assertThatThrownBy(() -> AllowListEntries.parse("", "why")).hasMessageStartingWith("empty value: expected");
    }

    @Test
    void aPastedLineIsAValueThenItsReasonOrTheSharedOne() {
        assertThat(AllowListEntries.parseLine("  10.0.0.0/8   office  network ", "shared"))
                .isEqualTo(new AllowListEntry(Kind.ADDRESS, "10.0.0.0/8", "office  network"));
        assertThat(AllowListEntries.parseLine("*.example.com", "shared"))
                .isEqualTo(new AllowListEntry(Kind.WILDCARD_DOMAIN, "*.example.com", "shared"));
        assertThatThrownBy(() -> AllowListEntries.parseLine("*.example.com", null)).hasMessageContaining("reason");
        assertThat(AllowListEntries.skipped(" # a comment")).isTrue();
        assertThat(AllowListEntries.skipped("   ")).isTrue();
        assertThat(AllowListEntries.skipped("example.com")).isFalse();
    }

    @Test
    void kindsHaveStableIds() {
        assertThat(Kind.WILDCARD_DOMAIN.id()).isEqualTo("wildcard_domain");
        assertThat(Kind.fromId("Wildcard-Domain")).contains(Kind.WILDCARD_DOMAIN);
        assertThat(Kind.fromId("nope")).isEmpty();
    }
}
