package riposte.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A reply: status, extra headers and body. A non-empty body is sent as {@code application/json}.
 *
 * @param status  the HTTP status
 * @param headers extra response headers (e.g. {@code Retry-After}, {@code Location}); never null
 * @param body    the body bytes; empty for none
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public SimResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON reply with the given bytes. */
    public static SimResponse json(int status, byte[] body) {
        return new SimResponse(status, Map.of(), body);
    }

    /** A JSON reply with the given text. */
    public static SimResponse json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The error shape the SES samples look for: {@code {"message":"<text>"}}. */
    public static SimResponse message(int status, String message) {
        return json(status, new JsonWriter().beginObject().field("message", message).endObject().toBytes());
    }

    /** The same reply with one more header. */
    public SimResponse withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }
}
