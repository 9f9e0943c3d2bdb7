package riposte.simulator.sepm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query parameters of one request. List-valued parameters accept both encodings real clients use
 * (reference §1): repeated keys ({@code a=1&a=2}) and comma-separated values ({@code a=1,2}).
 * Keys are matched case-insensitively (fn_sep spells {@code pageindex} in places).
 */
final class Query {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray % is kept literally rather than failing the whole request
        }
    }

    String first(String key) {
        List<String> list = values.get(key.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? null : list.getFirst();
    }

    String first(String key, String fallback) {
        String v = first(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** All values of a list parameter, split on commas, trimmed, empties dropped. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    int integer(String key, int fallback) {
        String v = first(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid value for " + key + ": " + v);
        }
    }

    long longValue(String key, long fallback) {
        String v = first(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid value for " + key + ": " + v);
        }
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(first(key, "false").strip());
    }

    /** Thrown by handlers for a 400 with the SEPM error body. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
