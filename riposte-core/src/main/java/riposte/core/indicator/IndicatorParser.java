package riposte.core.indicator;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one parser for indicators typed, pasted or read from files by users.
 *
 * <p>It accepts defanged input as analysts share it ({@code hxxp://evil[.]example}, {@code 1.2.3[.]4},
 * {@code user[@]example.com}), trims whitespace and surrounding quotes, and recognises, in this order: CVE ids,
 * hashes by length, URLs, e-mail addresses, IP addresses, file paths, domains and host names. Anything else is an
 * {@link InvalidIndicatorException} whose message names what was wrong and what is accepted.
 */
public final class IndicatorParser {

    /** What every "not an indicator" message lists. */
    public static final String ACCEPTED = "a SHA-256, SHA-1 or MD5 hash, a domain, an IPv4 or IPv6 address, a URL, "
            + "a CVE id (CVE-YYYY-NNNN), a file path, a host name or an e-mail address";

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern CVE = Pattern.compile("(?i)CVE-\\d{4}-\\d{4,7}");
    private static final Pattern CVE_LIKE = Pattern.compile("(?i)CVE[-_ ].*");
    private static final Pattern SCHEME = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*)://.*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
    private static final Pattern WINDOWS_PATH = Pattern.compile("(?i)^([a-z]:[\\\\/]|\\\\\\\\[^\\\\]+\\\\|%[a-z_]+%[\\\\/]).*");
    private static final Pattern HOST_LABEL = Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    /** Browsers and servers stop caring long before this; a longer "URL" is almost certainly pasted garbage. */
    private static final int MAX_URL_LENGTH = 8192;
    /** Linux PATH_MAX; Windows long paths are shorter than this in practice. */
    private static final int MAX_PATH_LENGTH = 4096;

    private IndicatorParser() {}

    /** Parses one indicator, whatever its type. */
    public static Indicator parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIndicatorException(String.valueOf(input), "empty input: expected " + ACCEPTED);
        }
        String text = refang(unquote(input.strip()));
        return tryParse(text).orElseThrow(() -> new InvalidIndicatorException(input, explain(input, text)));
    }

    /** Parses and checks the type, e.g. for an option that only takes CVE ids. */
    public static Indicator parse(String input, IndicatorType expected) {
        Indicator indicator = parse(input);
        if (expected == IndicatorType.HOSTNAME && indicator instanceof Domain domain) {
            return new Hostname(domain.value()); // asked for a host name, an FQDN is one (ws-042.corp.example)
        }
        if (indicator.type() != expected) {
            throw new InvalidIndicatorException(input, "'" + input.strip() + "' is a " + indicator.type().label()
                    + ", but a " + expected.label() + " is needed here");
        }
        return indicator;
    }

    /** Parses without throwing. */
    public static Optional<Indicator> tryParseText(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidIndicatorException e) {
            return Optional.empty();
        }
    }

    private static Optional<Indicator> tryParse(String text) {
        if (CVE.matcher(text).matches()) return Optional.of(new Cve(text));
        if (CVE_LIKE.matcher(text).matches()) return Optional.empty(); // a mistyped CVE id, not a host name
        if (HEX.matcher(text).matches()) {
            switch (text.length()) {
                case 64: return Optional.of(new Sha256(text));
                case 40: return Optional.of(new Sha1(text));
                case 32: return Optional.of(new Md5(text));
                default:
                    // "deadbeef" may be a host name; 30+ hex digits is a mistyped hash, not a host.
                    if (text.length() >= 30) return Optional.empty();
            }
        }
        if (SCHEME.matcher(text).matches()) return normaliseUrl(text).map(Url::new);
        if (WINDOWS_PATH.matcher(text).matches() || text.startsWith("/") || text.startsWith("~/")) {
            return normalisePath(text).map(FilePath::new);
        }
        if (text.indexOf('@') > 0 && text.indexOf('/') < 0) return normaliseEmail(text).map(Email::new);
        Optional<InetAddress> address = ipLiteral(text);
        if (address.isPresent()) {
            return Optional.of(address.get() instanceof Inet4Address
                    ? new Ipv4(address.get().getHostAddress()) : new Ipv6(InetAddresses.toAddrString(address.get())));
        }
        if (text.contains("/") || text.contains("?")) {
            return normaliseUrl("http://" + text).map(Url::new);
        }
        Optional<String> domain = normaliseDomain(text);
        Optional<Indicator> name = domain.isPresent() ? Optional.of(new Domain(domain.get()))
                : normaliseHostname(text).map(Hostname::new);
        // IDNA drops invisible characters (U+FEFF, U+200B) and folds look-alikes (U+217E into 'd'): the name must read
        // as the same name when typed plainly, or a hash with a hidden character would be stored as a host name that
        // reads back as a hash (found by riposte-bench's FuzzBenchmark).
        return name.filter(n -> n.value().equals(text.toLowerCase(Locale.ROOT))
                || tryParse(n.value()).filter(n::equals).isPresent());
    }

    /**
     * Validates and normalises {@code value} as {@code type}; the record constructors call this so that no
     * malformed indicator can exist.
     */
    static String require(String value, IndicatorType type) {
        if (value == null) throw new InvalidIndicatorException("null", "a " + type.label() + " cannot be null");
        String v = value.strip();
        Optional<String> normalised = switch (type) {
            case SHA256 -> hex(v, 64);
            case SHA1 -> hex(v, 40);
            case MD5 -> hex(v, 32);
            case CVE -> CVE.matcher(v).matches() ? Optional.of(v.toUpperCase(Locale.ROOT)) : Optional.empty();
            case IPV4 -> IPV4.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            case IPV6 -> ipLiteral(v).filter(a -> a instanceof Inet6Address).map(InetAddresses::toAddrString);
            case DOMAIN -> normaliseDomain(v);
            case HOSTNAME -> normaliseHostname(v);
            case URL -> normaliseUrl(v);
            case EMAIL -> normaliseEmail(v);
            case FILE_PATH -> normalisePath(v);
        };
        return normalised.orElseThrow(() -> new InvalidIndicatorException(value,
                "'" + value + "' is not a valid " + type.label()));
    }

    private static Optional<String> hex(String v, int length) {
        return v.length() == length && HEX.matcher(v).matches()
                ? Optional.of(v.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<InetAddress> ipLiteral(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.indexOf(':') < 0 && !IPV4.matcher(t).matches()) return Optional.empty();
        if (t.indexOf('%') >= 0) return Optional.empty(); // scope ids are local to one machine
        // Guava parses literals only: it never resolves names, unlike InetAddress.getByName.
        return InetAddresses.isInetAddress(t) ? Optional.of(InetAddresses.forString(t)) : Optional.empty();
    }

    private static Optional<String> normaliseDomain(String text) {
        Optional<String> ascii = asciiName(text);
        if (ascii.isEmpty() || !ascii.get().contains(".")) return Optional.empty();
        // Any valid multi-label name is a domain, whether or not the public-suffix list knows its suffix: new gTLDs
        // appear every year and threat actors use them first, and Symantec, not Riposte, knows what it knows.
        // An all-numeric last label (1.2.3 or 10.0.0.300) is a mistyped address, not a domain.
        String last = ascii.get().substring(ascii.get().lastIndexOf('.') + 1);
        return DOTTED_NUMBERS.matcher(last).matches() ? Optional.empty() : ascii;
    }

    /**
     * Whether the public-suffix list knows the domain's suffix ({@code evil.example} and names under new gTLDs
     * are domains all the same; callers may warn).
     */
    public static boolean hasKnownSuffix(Domain domain) {
        return InternetDomainName.from(domain.value()).isUnderPublicSuffix();
    }

    private static Optional<String> normaliseHostname(String text) {
        Optional<String> ascii = asciiName(text);
        if (ascii.isEmpty() || DOTTED_NUMBERS.matcher(ascii.get()).matches()) return Optional.empty();
        // The parser makes every multi-label name a Domain before it gets here; a Hostname built directly (such as
        // an FQDN SEPM reports, or one stored before domains under unlisted suffixes were domains) stays valid.
        return ascii;
    }

    /** IDNA to ASCII, lower-case, no trailing dot, every label a valid host label; empty if not a DNS name. */
    private static Optional<String> asciiName(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (t.isEmpty() || t.length() > 253) return Optional.empty();
        String ascii;
        try {
            ascii = IDN.toASCII(t, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) return Optional.empty();
        for (String label : ascii.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) return Optional.empty();
        }
        if (ascii.contains(".") && !InternetDomainName.isValid(ascii)) return Optional.empty();
        return Optional.of(ascii);
    }

    private static Optional<String> normaliseEmail(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) return Optional.empty();
        String local = text.substring(0, at);
        if (!EMAIL_LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")) {
            return Optional.empty();
        }
        String host = text.substring(at + 1);
        Optional<String> domain = asciiName(host).filter(h -> h.contains("."));
        return domain.map(d -> local + "@" + d);
    }

    private static Optional<String> normaliseUrl(String text) {
        if (text.length() > MAX_URL_LENGTH || text.chars().anyMatch(c -> c < 0x21)) return Optional.empty();
        var m = SCHEME.matcher(text);
        if (!m.matches()) return Optional.empty();
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) return Optional.empty();
        String rest = text.substring(m.group(1).length() + 3);
        int end = firstOf(rest, '/', '?', '#');
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        String userInfo = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at + 1);
            authority = authority.substring(at + 1);
        }
        String host;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) return Optional.empty();
            host = authority.substring(0, close + 1);
            port = authority.substring(close + 1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            port = colon >= 0 ? authority.substring(colon) : "";
        }
        if (!port.isEmpty() && !port.matches(":\\d{1,5}")) return Optional.empty();
        Optional<String> normalHost = ipLiteral(host)
                .map(a -> a instanceof Inet6Address ? "[" + InetAddresses.toAddrString(a) + "]" : a.getHostAddress())
                .or(() -> asciiName(host));
        if (normalHost.isEmpty()) return Optional.empty();
        String url = scheme + "://" + userInfo + normalHost.get() + port + tail;
        try {
            new URI(url.replace("%", "%25").replace(" ", "%20")); // syntax check only; the value keeps its encoding
        } catch (URISyntaxException e) {
            if (!tail.isEmpty() && !tail.chars().allMatch(c -> c >= 0x21 && c < 0x7f || c > 0xa0)) {
                return Optional.empty();
            }
        }
        return Optional.of(url);
    }

    private static Optional<String> normalisePath(String text) {
        if (text.length() > MAX_PATH_LENGTH || text.chars().anyMatch(c -> c < 0x20)) return Optional.empty();
        if (text.equals("/") || text.endsWith("\\") && text.length() <= 3) return Optional.empty();
        return Optional.of(text);
    }

    private static int firstOf(String s, char... chars) {
        int end = s.length();
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return end;
    }

    /** Removes one pair of quotes, as left by spreadsheets and chat tools. */
    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'' || s.charAt(0) == '`')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Undoes the usual defanging: {@code hxxp}, {@code [.]}, {@code (.)}, {@code [dot]}, {@code [@]}, {@code [:]}. */
    static String refang(String s) {
        String r = s.replace("[.]", ".").replace("(.)", ".").replace("{.}", ".")
                .replace("[dot]", ".").replace("(dot)", ".")
                .replace("[@]", "@").replace("[at]", "@").replace("[:]", ":").replace("[://]", "://");
        if (r.regionMatches(true, 0, "hxxp", 0, 4)) r = "http" + r.substring(4);
        if (r.regionMatches(true, 0, "fxp", 0, 3)) r = "ftp" + r.substring(3);
        return r;
    }

    /** Says why the text is not an indicator, as precisely as its shape allows. */
    private static String explain(String input, String text) {
        String shown = "'" + (input.length() > 80 ? input.strip().substring(0, 77) + "..." : input.strip()) + "'";
        if (HEX.matcher(text).matches() && text.length() >= 30 && text.length() <= 66) {
            return shown + " looks like a hash but has " + text.length()
                    + " hex digits: SHA-256 has 64, SHA-1 40 and MD5 32";
        }
        if (CVE_LIKE.matcher(text).matches()) {
            return shown + " is not a CVE id: expected CVE-YYYY-NNNN (a four-digit year and at least four digits)";
        }
        if (DOTTED_NUMBERS.matcher(text).matches() && text.contains(".")) {
            return shown + " is not an IPv4 address: expected four numbers from 0 to 255 without leading zeros";
        }
        var m = SCHEME.matcher(text);
        if (m.matches()) {
            return shown + " is not a valid URL: expected an http, https or ftp URL with a valid host";
        }
        if (text.indexOf('@') > 0) {
            return shown + " is not a valid e-mail address: expected name@domain.example";
        }
        return shown + " is not an indicator: expected " + ACCEPTED;
    }
}
