package riposte.core.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riposte.core.indicator.IndicatorParser;

class AllowListTest {
    static final AllowList LIST = AllowList.of(List.of(
            AllowListEntries.parse("10.0.0.0/8", "office"),
            AllowListEntries.parse("10.20.0.0/16", "lab"),
            AllowListEntries.parse("192.0.2.7", "the proxy"),
            AllowListEntries.parse("2001:db8::/32", "v6 office"),
            AllowListEntries.parse("example.com", "apex"),
            AllowListEntries.parse("*.example.com", "our mail"),
            AllowListEntries.parse("*.cdn.example.com", "our cdn"),
            AllowListEntries.parse("files.corp.local", "file server"),
            AllowListEntries.parse("*.bücher.example", "books"),
            AllowListEntries.parse("D41D8CD98F00B204E9800998ECF8427E", "empty file md5"),
            AllowListEntries.parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty file")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            10.1.2.3                                  | office
            10.20.1.1                                 | lab
            10[.]20.1.1                               | lab
            192.0.2.7                                 | the proxy
            192.0.2.8                                 | -
            11.0.0.1                                  | -
            2001:db8:1::5                             | v6 office
            2001:db9::5                               | -
            example.com                               | apex
            EXAMPLE.com.                              | apex
            www.example.com                           | our mail
            a.b.c.example.com                         | our mail
            x.cdn.example.com                         | our cdn
            cdn.example.com                           | our mail
            notexample.com                            | -
            example.com.evil.net                      | -
            files.corp.local                          | file server
            other.corp.local                          | -
            www.bücher.example                        | books
            bücher.example                            | -
            https://www.example.com/login?next=/      | our mail
            hxxp://evil[.]example[.]net/x             | -
            http://10.9.9.9:8080/a                    | office
            http://[2001:db8::1]/a                    | v6 office
            alice@mail.example.com                    | our mail
            bob@example.com                           | apex
            bob@example.org                           | -
            d41d8cd98f00b204e9800998ecf8427e          | empty file md5
            E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | empty file
            CVE-2023-35311                            | -
            /usr/bin/example.com                      | -
            not an indicator                          | -
            """)
    void matchesTheMostSpecificEntry(String value, String reason) {
        assertThat(LIST.match(value).map(AllowListEntry::reason)).isEqualTo(Optional.ofNullable(reason));
        IndicatorParser.tryParseText(value).ifPresent(i ->
                assertThat(LIST.match(i).map(AllowListEntry::reason)).isEqualTo(Optional.ofNullable(reason)));
    }

    @Test
    void privateCoversThePrivateAndReservedRangesButYourOwnEntryWins() {
        AllowList list = AllowList.of(List.of(AllowListEntries.parse("private", "internal"),
                AllowListEntries.parse("192.168.0.0/16", "home lab")));
        for (String a : List.of("10.1.1.1", "172.16.0.1", "172.31.255.255", "127.0.0.1", "169.254.1.1",
                "100.64.0.1", "::1", "fd00::1", "fe80::1", "http://10.0.0.1/x")) {
            assertThat(list.match(a)).as(a).map(AllowListEntry::reason).contains("internal");
        }
        assertThat(list.match("192.168.1.1")).map(AllowListEntry::reason).contains("home lab");
        for (String a : List.of("172.32.0.1", "8.8.8.8", "192.0.2.1", "2001:db8::1", "100.128.0.1")) {
            assertThat(list.match(a)).as(a).isEmpty();
        }
    }

    @Test
    void anEmptyListMatchesNothing() {
        assertThat(AllowList.EMPTY.match("10.0.0.1")).isEmpty();
        assertThat(AllowList.EMPTY.size()).isZero();
    }
}
