package riposte.simulator.sepm;

import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimResponse;

/**
 * The SEPM error body, {@code {"errorCode":"<status>","appErrorCode":"","errorMessage":".."}} (reference §6),
 * with the SPEC's generic texts.
 */
final class SepmErrors {
    static final String UNAUTHORIZED = "The user that is currently logged on has insufficient rights to execute the"
            + " web method, or the user is unauthorized.";
    static final String INVALID = "The parameters are invalid.";
    static final String NOT_FOUND = "The requested resource was not found.";
    static final String GONE = "Cannot find the specified object.";
    static final String SERVER = "The web service encountered an error while processing the web request.";

    private SepmErrors() {
    }

    static SimResponse error(int status, String message) {
        return SimResponse.json(status, new JsonWriter().beginObject()
                .field("errorCode", Integer.toString(status))
                .field("appErrorCode", "")
                .field("errorMessage", message)
                .endObject().toBytes());
    }

    /**
     * The body for errors the HTTP base produces itself (401, 404, 405, 429, injected 5xx). With {@code oauth401},
     * a 401 uses the Spring OAuth shape {@code {"error":"invalid_token","error_description":..}} instead, the
     * alternative the reference leaves open (§2.3).
     */
    static SimResponse fromBase(int status, String reason, boolean oauth401) {
        if (status == 401 && oauth401) {
            return SimResponse.json(401, new JsonWriter().beginObject().field("error", "invalid_token")
                    .field("error_description", "Invalid access token").endObject().toBytes());
        }
        return fromBase(status, reason);
    }

    static SimResponse fromBase(int status, String reason) {
        return error(status, switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 500, 502, 503 -> SERVER;
            default -> reason;
        });
    }

    static SimResponse invalid(String detail) {
        return error(400, detail == null ? INVALID : detail);
    }

    static SimResponse gone() {
        return error(410, GONE);
    }
}
