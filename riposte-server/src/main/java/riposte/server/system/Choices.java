package riposte.server.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses enum values given by clients, with a 400 naming the field and the accepted values when they are wrong. */
public final class Choices {
    private Choices() {}

    /** {@code null} stays {@code null}; matching ignores case and treats {@code -} and spaces as {@code _}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null) return null;
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) return e;
        }
        throw new InvalidFieldException(field, "'" + shorten(text) + "' is not accepted: expected one of "
                + accepted(type));
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text, E fallback) {
        E e = parse(type, field, text);
        return e == null ? fallback : e;
    }

    public static <E extends Enum<E>> String accepted(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A TLP level as a client may write it ({@code amber+strict}, {@code TLP:RED}...); {@code null} stays null. */
    public static riposte.core.interchange.Tlp tlp(String field, String text) {
        if (text == null || text.isBlank()) return null;
        return riposte.core.interchange.Tlp.parse(text).orElseThrow(() -> new InvalidFieldException(field,
                "'" + shorten(text) + "' is not a TLP 2.0 level: expected one of "
                        + riposte.core.interchange.Tlp.accepted()));
    }

    public static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
