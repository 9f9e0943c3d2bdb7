package riposte.core.indicator;

/**
 * A URL with an http(s) or ftp scheme, host normalised to lower-case ASCII. A URL typed without a scheme
 * ({@code evil.example/a.png}) gets {@code http://}.
 */
public record Url(String value) implements Indicator {
    public Url {
        value = IndicatorParser.require(value, IndicatorType.URL);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.URL;
    }

    /** The URL without its scheme and {@code ://}, the form Symantec's network endpoints take. */
    public String withoutScheme() {
        return value.substring(value.indexOf("://") + 3);
    }

    /** The host part: a domain, host name or IP address (IPv6 without brackets). */
    public String host() {
        String rest = withoutScheme();
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        if (authority.startsWith("[")) return authority.substring(1, authority.indexOf(']'));
        int colon = authority.lastIndexOf(':');
        return colon >= 0 ? authority.substring(0, colon) : authority;
    }
}
