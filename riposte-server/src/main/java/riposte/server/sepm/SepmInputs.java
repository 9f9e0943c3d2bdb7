package riposte.server.sepm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.StepError;

/**
 * The evaluated inputs of one {@code sepm.*} call, read with the function's name in every error. Lists accept a CEL
 * list or one comma-separated string; blank values count as absent. Every problem is a permanent
 * {@link FunctionException} naming the input and what it accepts.
 */
record SepmInputs(String function, Map<String, Object> values) {

    String text(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    String required(String name, String accepted) {
        String s = text(name);
        if (s == null) throw bad("needs input '" + name + "': " + accepted);
        return s;
    }

    List<String> list(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        Collection<?> items = v instanceof Collection<?> c ? c : List.of(String.valueOf(v).split(","));
        for (Object item : items) {
            if (item == null) continue;
            String s = String.valueOf(item).strip();
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return out;
    }

    boolean bool(String name, boolean absent) {
        Object v = values.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) return absent;
        if (v instanceof Boolean b) return b;
        return switch (String.valueOf(v).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad("input '" + name + "' must be true or false, not '" + printable(v) + "'");
        };
    }

    int integer(String name, int absent, int min, int max) {
        Object v = values.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) return absent;
        long n;
        try {
            n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw bad("input '" + name + "' must be a whole number, not '" + printable(v) + "'");
        }
        if (n < min || n > max) throw bad("input '" + name + "' must be from " + min + " to " + max + ", not " + n);
        return (int) n;
    }

    /** A whole number of at least 0 (e.g. epoch milliseconds), or {@code absent}. */
    long longValue(String name, long absent) {
        Object v = values.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) return absent;
        try {
            long n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).strip());
            if (n < 0) throw bad("input '" + name + "' must not be negative, not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw bad("input '" + name + "' must be a whole number, not '" + printable(v) + "'");
        }
    }

    /** One of {@code choices} (any case), or {@code absent}. */
    String choice(String name, String absent, List<String> choices) {
        String s = text(name);
        if (s == null) return absent;
        for (String c : choices) if (c.equalsIgnoreCase(s)) return c;
        throw bad("input '" + name + "' must be one of " + String.join(", ", choices) + ", not '" + printable(s) + "'");
    }

    FunctionException bad(String message) {
        return new FunctionException(StepError.Kind.PERMANENT, function + " " + message);
    }

    /** A value shortened and stripped of control characters, to quote it in an error. */
    static String printable(Object v) {
        String s = String.valueOf(v).replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
