package riposte.symantec.sepm;

import tools.jackson.databind.JsonNode;

/**
 * Turns a SEPM error answer into an exception. The body is SEPM's {@code {"errorCode","appErrorCode","errorMessage"}};
 * {@code message} and the OAuth-style {@code error_description} are read too, and HTML error pages are reduced to
 * their status. 401 and 403 are authentication failures; everything else an {@link SepmApiException}.
 */
final class SepmErrors {
    /** Error bodies are short; a long one is an HTML page or a stack trace nobody should print. */
    static final int MAX_MESSAGE = 500;

    private SepmErrors() {}

    static SepmException failure(int status, String body, String call) {
        JsonNode json = json(body);
        String errorCode = text(json, "errorCode");
        String appErrorCode = text(json, "appErrorCode");
        String message = firstNonBlank(text(json, "errorMessage"), text(json, "message"), text(json, "error_description"));
        String detail = message == null ? "" : ": " + message;
        if (status == 401 || status == 403) {
            return new SepmAuthenticationException(status, call + " was refused (HTTP " + status + ")" + detail
                    + (status == 403 || call.contains("authenticate") ? "" : " even with a fresh token; most SEPM calls need a system administrator account"));
        }
        String app = appErrorCode == null || appErrorCode.isBlank() ? "" : " (SEPM code " + appErrorCode + ")";
        return new SepmApiException(status, errorCode, appErrorCode, message, call + " failed: HTTP " + status + app + detail);
    }

    /** True if SEPM said a fingerprint list is v2-only ("not supported by V1, please try V2!"). */
    static boolean tryV2(SepmApiException e) {
        return e.errorMessage() != null && e.errorMessage().toLowerCase(java.util.Locale.ROOT).contains("try v2");
    }

    /** SEPM's "not found": 404, 410, or a "do not exist" message. */
    static boolean notFound(SepmApiException e) {
        return e.notFound() || (e.errorMessage() != null && e.errorMessage().toLowerCase(java.util.Locale.ROOT).contains("do not exist"));
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) return null;
        try {
            return SepmJson.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null) return null;
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) return null;
        String s = n.isString() ? n.asString() : n.toString();
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    private static String firstNonBlank(String... s) {
        for (String v : s) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
