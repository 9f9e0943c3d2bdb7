package riposte.symantec.ses;

import riposte.symantec.http.AuthenticationException;
import riposte.symantec.http.UpstreamException;
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

    /** The exception for a final non-2xx API reply (after retries and the 401 refresh). */
    static RuntimeException failure(String host, int code, String body, int attempts) {
        String message = ErrorBodies.message(body);
        String detail = message == null ? "" : ": " + message;
        return switch (code) {
            case 401 -> new AuthenticationException(401, "unauthorized even with a freshly issued token" + detail);
            case 403 -> new AuthenticationException(403, "forbidden" + detail + ": check the client application's "
                    + "privileges, or the region — EU tenants use api.sep.eu.securitycloud.symantec.com, India "
                    + "api.sep.in.securitycloud.symantec.com");
            case 400 -> new UpstreamException(400, message, false, attempts, "the service rejected the request"
                    + detail, null);
            default -> {
                boolean retriable = code == 429 || code >= 500;
                yield new UpstreamException(code, message, retriable, attempts, "HTTP " + code + " from "
                        + host + detail + (retriable ? " (gave up after " + attempts + " attempt(s))" : ""), null);
            }
        };
    }
}
