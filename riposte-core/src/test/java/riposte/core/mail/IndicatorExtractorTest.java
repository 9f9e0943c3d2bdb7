package riposte.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.Domain;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Url;

/**
 * Issue 16: any multi-label name parses as a domain when a user types it, so free text must be read strictly — a
 * detection name or a file name in an alert must not become a domain artifact, while what the writer marked as an
 * indicator (defanged, in a URL, under a known suffix) still does.
 */
class IndicatorExtractorTest {
    private static Set<Indicator> extract(String text) {
        return IndicatorExtractor.extract(text, 100);
    }

    @Test
    void detectionAndFileNamesInAlertTextAreNotDomains() {
        Set<Indicator> found = extract("""
                Risk name: Trojan.Gen.NPE, also W32.Sality.AE and Backdoor.Trojan.AE
                File: C:\\Users\\bob\\file.exe (from invoice.zip, see README.md and setup.py; install.sh ran)
                Heur.AdvML.B WS.Reputation.1 Safari.app
                """);
        assertThat(found).noneMatch(i -> i instanceof Domain);
    }

    @Test
    void theSameNamesTypedByAUserStayDomains() {
        // explicit input stays permissive (issue 16 items 4 and 12): the parser itself is unchanged
        assertThat(IndicatorParser.parse("trojan.gen.npe")).isEqualTo(new Domain("trojan.gen.npe"));
        assertThat(IndicatorParser.parse("c2.example")).isEqualTo(new Domain("c2.example"));
        assertThat(IndicatorParser.parse("invoice.zip")).isEqualTo(new Domain("invoice.zip"));
    }

    @Test
    void domainsWithEvidenceAreFound() {
        Set<Indicator> found = extract("""
                C2 at bad.example.com and login-microsoft.co.uk, beacons to c2[.]example and evil(dot)zip,
                dropper from hxxp://payload.example/x.exe; also php.net and Android.com.
                """);
        assertThat(found).contains(new Domain("bad.example.com"), new Domain("login-microsoft.co.uk"),
                new Domain("c2.example"), new Domain("evil.zip"), new Url("http://payload.example/x.exe"),
                new Domain("php.net"), new Domain("android.com"));
    }

    @Test
    void unknownSuffixWithoutEvidenceIsNotADomainButAddressesStillAre() {
        Set<Indicator> found = extract("host c2.example seen at 10.1.2.3 and 10.1.2[.]4, version file.exe");
        assertThat(found).containsExactlyInAnyOrder(new Ipv4("10.1.2.3"), new Ipv4("10.1.2.4"));
    }

    @Test
    void aDefangedNameUnderADetectionPrefixIsStillADomain() {
        // the writer defanged it: evidence enough
        assertThat(extract("trojan[.]example.com")).containsExactly(new Domain("trojan.example.com"));
        assertThat(extract("trojan.example.com")).isEmpty();
    }
}
