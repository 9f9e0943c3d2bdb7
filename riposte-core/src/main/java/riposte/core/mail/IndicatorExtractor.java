package riposte.core.mail;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import riposte.core.indicator.Domain;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Ipv6;
import riposte.core.indicator.Md5;
import riposte.core.indicator.Sha1;
import riposte.core.indicator.Sha256;
import riposte.core.indicator.Url;

/**
 * Finds URLs, domains, IPv4 and IPv6 addresses and MD5/SHA-1/SHA-256 hashes in free text, as the guide's "Generic
 * Email Parsing Script" does, defanged forms included ({@code hxxp://evil[.]example}, {@code 10.0.0[.]1}). Each
 * candidate goes through the core {@link IndicatorParser}, so what comes out is normalised exactly as typed-in
 * values are. Patterns are linear (no nested quantifiers over the same characters), so hostile text cannot make them
 * backtrack for long.
 *
 * <p>Free text is read strictly for domains, unlike what a user types ({@link IndicatorParser} takes any multi-label
 * name): a bare name found in text is a domain only with evidence that it is one. It was written defanged
 * ({@code bad[.]example}), or its suffix is on the public-suffix list and it looks like neither a file name
 * ({@code invoice.zip}, {@code README.md}: extensions that are also TLDs) nor a Symantec detection name
 * ({@code Trojan.Gen.NPE}, {@code W32.Sality.AE}). A URL's host is kept as it is (the scheme is the evidence).
 */
public final class IndicatorExtractor {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\w])(?:hxxps?|https?|fxp|ftp)(?:\\[:\\]|:)//[^\\s<>\"'`]{1,2000}");
    private static final String DOT = "(?:\\.|\\[\\.\\]|\\(\\.\\)|\\[dot\\]|\\(dot\\))";
    private static final Pattern NAME = Pattern.compile(
            "(?i)(?<![\\w.@\\[\\]-])[a-z0-9][a-z0-9_-]{0,62}(?:" + DOT + "[a-z0-9_-]{1,63}){1,20}(?![\\w-]|\\.\\w)");
    private static final Pattern IPV6 = Pattern.compile("(?i)(?<![\\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\\w:])");
    private static final Pattern HASH = Pattern.compile("(?i)(?<![0-9a-z])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z])");
    private static final String TRAILING = ".,;:!?)]}>'\"";
    private static final Pattern DEFANGED = Pattern.compile("(?i)\\[\\.\\]|\\(\\.\\)|\\[dot\\]|\\(dot\\)");
    /** Last labels that are TLDs and, far more often in alert text, file extensions. */
    private static final Set<String> FILE_EXTENSION_TLDS = Set.of("zip", "mov", "app", "py", "sh", "md", "pl", "pm",
            "rs", "ps", "so", "cab", "mo");
    /**
     * First labels of Symantec detection names ("Trojan.Gen.2", "W32.Sality.AE", "Backdoor.Trojan.AE"); only words
     * no real domain in alert text begins with ("php.net" and "android.com" are domains).
     */
    private static final Set<String> DETECTION_PREFIXES = Set.of("trojan", "w32", "w64", "w97m", "x97m", "o97m",
            "backdoor", "infostealer", "downloader", "ransom", "hacktool", "packed", "pua", "heur", "sonar",
            "bloodhound", "securityrisk", "spyware", "adware");

    private IndicatorExtractor() {}

    /** At most {@code limit} distinct indicators, in the order found (URLs, then names and addresses, then hashes). */
    public static Set<Indicator> extract(String text, int limit) {
        Set<Indicator> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find() && found.size() < limit) {
            parse(trimTrailing(m.group())).filter(i -> i instanceof Url).ifPresent(found::add);
        }
        m = NAME.matcher(text);
        while (m.find() && found.size() < limit) {
            String candidate = m.group();
            parse(candidate).filter(i -> i instanceof Ipv4 || i instanceof Domain d && isDomainInText(candidate, d))
                    .ifPresent(found::add);
        }
        m = IPV6.matcher(text);
        while (m.find() && found.size() < limit) {
            String candidate = m.group();
            if (!candidate.contains("::") && candidate.chars().filter(c -> c == ':').count() != 7) continue;
            parse(candidate).filter(i -> i instanceof Ipv6).ifPresent(found::add);
        }
        m = HASH.matcher(text);
        while (m.find() && found.size() < limit) {
            parse(m.group()).filter(i -> i instanceof Sha256 || i instanceof Sha1 || i instanceof Md5).ifPresent(found::add);
        }
        return found;
    }

    /** Whether a bare name found in free text is a domain: see the class comment. */
    static boolean isDomainInText(String written, Domain domain) {
        if (DEFANGED.matcher(written).find()) return true;
        if (!IndicatorParser.hasKnownSuffix(domain)) return false;
        String v = domain.value();
        String last = v.substring(v.lastIndexOf('.') + 1);
        String first = v.substring(0, v.indexOf('.'));
        return !FILE_EXTENSION_TLDS.contains(last) && !DETECTION_PREFIXES.contains(first);
    }

    private static Optional<Indicator> parse(String candidate) {
        return IndicatorParser.tryParseText(candidate);
    }

    private static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && TRAILING.indexOf(s.charAt(end - 1)) >= 0) {
            // keep a defanged "[.]" or "]" that closes an IPv6 literal
            if (s.charAt(end - 1) == ']' && s.lastIndexOf('[', end - 1) > s.lastIndexOf(']', end - 2)) break;
            end--;
        }
        return s.substring(0, end);
    }
}
