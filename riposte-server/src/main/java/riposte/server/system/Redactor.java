package riposte.server.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for a log: {@code Authorization} values ({@code Bearer}/{@code Basic}), Riposte API
 * tokens ({@code rip_...}), the value after a secret-sounding name ({@code password=}, {@code "secret":},
 * {@code client_secret:}, {@code token=}, {@code apiKey}…, also inside JSON that is itself escaped in a JSON log
 * line), passwords in URLs ({@code scheme://user:password@host}), and any of the configured secret values given to
 * the constructor (database and admin passwords, the secret key, the admin token), wherever they appear.
 *
 * <p>Hand-written because no logging library we use offers redaction for both Logback's pattern and Spring Boot's
 * structured (JSON) output; it works on the finished line, so it covers messages, arguments and stack traces alike.
 */
public final class Redactor {
    static final String MASK = "******";
    /** Shorter configured values are not masked literally (they would mask ordinary words); patterns still apply. */
    static final int MIN_LITERAL = 6;

    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{4,}");
    private static final Pattern API_TOKEN = Pattern.compile("\\brip_[A-Za-z0-9_-]{6,}");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|client[_-]?secret|secret[_-]?key|api[_-]?key|api[_-]?token|token|"
                    + "access[_-]?token|refresh[_-]?token|credentials?|authorization|x-api-key)"
                    + "(?:\\\\?[\"'])?\\s*[:=]\\s*(?:\\\\?[\"'])?)"
                    + "(?!" + Pattern.quote(MASK) + "|(?:bearer|basic)\\s)([^\\s\"'\\\\,;&}<>\\]]+)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^/\\s@]+@");

    private final List<String> literals;

    /** @param secretValues configured secret values to mask wherever they appear (blank or short ones are ignored) */
    public Redactor(Collection<String> secretValues) {
        List<String> values = new ArrayList<>();
        for (String v : secretValues) {
            if (v != null && v.strip().length() >= MIN_LITERAL) values.add(v.strip());
        }
        values.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        this.literals = List.copyOf(values);
    }

    /** The text with every secret replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String literal : literals) {
            if (out.contains(literal)) out = out.replace(literal, MASK);
        }
        out = replace(AUTH_SCHEME, out, "$1$2" + MASK);
        out = replace(API_TOKEN, out, "rip_" + MASK);
        out = replace(NAMED_SECRET, out, "$1" + MASK);
        out = replace(URL_PASSWORD, out, "$1:" + MASK + "@");
        return out;
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
