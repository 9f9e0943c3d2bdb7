package riposte.core.indicator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of indicator Riposte understands, with the label users see. */
public enum IndicatorType {
    SHA256("SHA-256"),
    MD5("MD5"),
    SHA1("SHA-1"),
    DOMAIN("domain"),
    IPV4("IPv4 address"),
    IPV6("IPv6 address"),
    URL("URL"),
    CVE("CVE"),
    FILE_PATH("file path"),
    HOSTNAME("host name"),
    EMAIL("e-mail address");

    private final String label;

    IndicatorType(String label) {
        this.label = label;
    }

    /** A human label such as {@code "SHA-256"} or {@code "IPv4 address"}. */
    public String label() {
        return label;
    }

    /** A stable lower-case name for files, JSON and CLI options, e.g. {@code sha256}, {@code file_path}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a type up by {@link #id()}, enum name or label, ignoring case and {@code -}/{@code _}/spaces. */
    public static Optional<IndicatorType> fromName(String name) {
        if (name == null) return Optional.empty();
        String wanted = squash(name);
        return Arrays.stream(values())
                .filter(t -> squash(t.name()).equals(wanted) || squash(t.label).equals(wanted))
                .findFirst();
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }
}
