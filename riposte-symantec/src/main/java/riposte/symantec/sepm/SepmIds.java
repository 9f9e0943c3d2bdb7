package riposte.symantec.sepm;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Validates SEPM object ids: 32 hex digits without dashes (computer, group, domain, command, list, file ids). */
final class SepmIds {
    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f]{32}");

    private SepmIds() {}

    static String require(String id, String what) {
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw new SepmInvalidRequestException("invalid " + what + " '" + printable(id)
                    + "': SEPM ids are 32 hexadecimal digits without dashes");
        }
        return id.strip();
    }

    static List<String> requireAll(Collection<String> ids, String what) {
        return ids == null ? List.of() : ids.stream().map(id -> require(id, what)).distinct().toList();
    }

    /** Up to 40 visible characters of user input, for messages. */
    static String printable(String s) {
        if (s == null) return "null";
        String t = s.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
