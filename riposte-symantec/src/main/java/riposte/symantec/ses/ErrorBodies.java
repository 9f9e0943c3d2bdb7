package riposte.symantec.ses;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the {@code {"message": "…"}} of SES error bodies, which may also be empty or not JSON (e.g. on 404). */
final class ErrorBodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Service messages are short; a longer one is probably an HTML page and is cut. */
    private static final int MAX_MESSAGE = 300;

    private ErrorBodies() {}

    /** The {@code message} member, or null. */
    static String message(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode m = root == null ? null : root.get("message");
            if (m == null || m.isNull() || m.isContainer()) return null;
            String s = m.asString();
            return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** {@code ": <message>"}, or empty. */
    static String suffix(String body) {
        String m = message(body);
        return m == null ? "" : ": " + m;
    }
}
