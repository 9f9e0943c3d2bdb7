package riposte.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorParserTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EEC3F761F7EABE9ED569F39E896BE24C9BBB8861B15DBDE1B3D539505CD9DD8D | SHA256 | eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d
            D41D8CD98F00B204E9800998ECF8427E                                 | MD5    | d41d8cd98f00b204e9800998ecf8427e
            da39a3ee5e6b4b0d3255bfef95601890afd80709                         | SHA1   | da39a3ee5e6b4b0d3255bfef95601890afd80709
            Elblogdeloscachanillas.COM.mx.                                   | DOMAIN | elblogdeloscachanillas.com.mx
            bücher.example.de                                                | DOMAIN | xn--bcher-kva.example.de
            evil[.]example[.]com                                             | DOMAIN | evil.example.com
            8.8.8.8                                                          | IPV4   | 8.8.8.8
            10.0.0[.]1                                                       | IPV4   | 10.0.0.1
            2001:0DB8:0000:0000:0000:0000:0000:0001                          | IPV6   | 2001:db8::1
            [fe80::1]                                                        | IPV6   | fe80::1
            https://Evil.Example.COM/Path/A.png?x=1                          | URL    | https://evil.example.com/Path/A.png?x=1
            hxxp://evil[.]example[.]com/s3sy8rq10/ophn.png                   | URL    | http://evil.example.com/s3sy8rq10/ophn.png
            elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png                 | URL    | http://elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png
            http://192.168.1.10:8080/x                                       | URL    | http://192.168.1.10:8080/x
            cve-2023-35311                                                   | CVE    | CVE-2023-35311
            CVE-2021-1234567                                                 | CVE    | CVE-2021-1234567
            C:\\Windows\\System32\\evil.exe                                  | FILE_PATH | C:\\Windows\\System32\\evil.exe
            /usr/local/bin/miner                                             | FILE_PATH | /usr/local/bin/miner
            %APPDATA%\\evil.exe                                              | FILE_PATH | %APPDATA%\\evil.exe
            WS-042                                                           | HOSTNAME | ws-042
            fileserver.corp.local                                            | DOMAIN   | fileserver.corp.local
            c2.example                                                       | DOMAIN   | c2.example
            evil.example                                                     | DOMAIN   | evil.example
            login.secure-bank.zzzunlistedtld                                 | DOMAIN   | login.secure-bank.zzzunlistedtld
            Alice.Smith@Example.COM                                          | EMAIL  | Alice.Smith@example.com
            bob[@]evil[.]example                                             | EMAIL  | bob@evil.example
            "8.8.4.4"                                                        | IPV4   | 8.8.4.4
            """)
    void recognisesAndNormalises(String input, IndicatorType type, String value) {
        Indicator indicator = IndicatorParser.parse(input.replace("\\\\", "\\"));
        assertThat(indicator.type()).isEqualTo(type);
        assertThat(indicator.value()).isEqualTo(value.replace("\\\\", "\\"));
    }

    /**
     * Found by riposte-bench's FuzzBenchmark: IDNA drops U+FEFF and U+200B and folds U+217E into 'd', so a hash with a
     * hidden character became a host name whose stored value then read back as a hash.
     */
    @Test
    void aHashWithAHiddenCharacterIsNotAHostName() {
        for (String input : new String[] {"da39a3ee5e6b4b0\uFEFFd3255bfef95601890afd80709",
                "\u200Bd41d8cd98f00b204e9800998ecf8427", "da39a3ee5e6b4b0\u217Ed3255bfef95601890afd80709"}) {
            assertThatThrownBy(() -> IndicatorParser.parse(input)).isInstanceOf(InvalidIndicatorException.class);
        }
        assertThat(IndicatorParser.parse("b\u00FCcher.de")).isEqualTo(new Domain("xn--bcher-kva.de"));
        assertThat(IndicatorParser.parse("WS-042")).isEqualTo(new Hostname("ws-042"));
    }

    @Test
    void unlistedSuffixesAreDomainsAndSingleLabelsHostNames() {
        assertThat(IndicatorParser.parse("c2.example", IndicatorType.DOMAIN).value()).isEqualTo("c2.example");
        assertThat(IndicatorParser.hasKnownSuffix(new Domain("c2.example"))).isFalse();
        assertThat(IndicatorParser.hasKnownSuffix(new Domain("evil.example.com"))).isTrue();
        assertThat(IndicatorParser.parse("ws-042").type()).isEqualTo(IndicatorType.HOSTNAME);
        // an FQDN asked for as a host name stays one
        Indicator fqdn = IndicatorParser.parse("WS-042.corp.local", IndicatorType.HOSTNAME);
        assertThat(fqdn).isEqualTo(new Hostname("ws-042.corp.local"));
        assertThatThrownBy(() -> IndicatorParser.parse("ws-042", IndicatorType.DOMAIN))
                .isInstanceOf(InvalidIndicatorException.class)
                .hasMessageContaining("is a host name, but a domain is needed here");
        assertThatThrownBy(() -> IndicatorParser.parse("10.0.0.300")).isInstanceOf(InvalidIndicatorException.class);
    }

    @Test
    void urlWithoutSchemeIsWhatSymantecTakes() {
        Url url = (Url) IndicatorParser.parse("https://elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png");
        assertThat(url.withoutScheme()).isEqualTo("elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png");
        assertThat(url.host()).isEqualTo("elblogdeloscachanillas.com.mx");
        assertThat(((Url) IndicatorParser.parse("http://[2001:db8::1]:80/a")).host()).isEqualTo("2001:db8::1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8     | has 63 hex digits: SHA-256 has 64, SHA-1 40 and MD5 32
            CVE-23-1                                                            | is not a CVE id: expected CVE-YYYY-NNNN
            256.1.1.1                                                           | is not an IPv4 address
            010.1.1.1                                                           | is not an IPv4 address
            gopher://example.com/                                               | is not a valid URL
            not an indicator!                                                   | is not an indicator: expected a SHA-256
            a@b                                                                 | is not a valid e-mail address
            """)
    void rejectsWithAReasonAndWhatIsAccepted(String input, String message) {
        assertThatThrownBy(() -> IndicatorParser.parse(input))
                .isInstanceOf(InvalidIndicatorException.class)
                .hasMessageContaining(message);
    }

    @Test
    void blankInputIsAnError() {
        assertThatThrownBy(() -> IndicatorParser.parse("  "))
                .isInstanceOf(InvalidIndicatorException.class)
                .hasMessageContaining("empty input");
    }

    @Test
    void expectedTypeIsEnforced() {
        assertThatThrownBy(() -> IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e", IndicatorType.SHA256))
                .hasMessage("'d41d8cd98f00b204e9800998ecf8427e' is a MD5, but a SHA-256 is needed here");
    }

    @Test
    void recordsValidateTheirValues() {
        assertThatThrownBy(() -> new Sha256("abc")).isInstanceOf(InvalidIndicatorException.class);
        assertThatThrownBy(() -> new Domain("localhost")).isInstanceOf(InvalidIndicatorException.class);
        assertThat(new Domain("Example.COM").value()).isEqualTo("example.com");
    }

    @Test
    void typesAreFoundByAnyOfTheirNames() {
        assertThat(IndicatorType.fromName("sha-256")).contains(IndicatorType.SHA256);
        assertThat(IndicatorType.fromName("file_path")).contains(IndicatorType.FILE_PATH);
        assertThat(IndicatorType.fromName("IPv4 address")).contains(IndicatorType.IPV4);
        assertThat(IndicatorType.fromName("nope")).isEmpty();
    }

    @Property
    void anyHexHashRoundTrips(@ForAll @StringLength(64) @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'f')
                              String hex) {
        Indicator parsed = IndicatorParser.parse(hex.toUpperCase());
        assertThat(parsed).isEqualTo(new Sha256(hex));
        assertThat(IndicatorParser.parse(parsed.value())).isEqualTo(parsed);
    }

    @Property
    void parsingIsIdempotentOrFailsCleanly(@ForAll @StringLength(max = 40) String text) {
        try {
            Indicator once = IndicatorParser.parse(text);
            assertThat(IndicatorParser.parse(once.value())).isEqualTo(once);
        } catch (InvalidIndicatorException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
