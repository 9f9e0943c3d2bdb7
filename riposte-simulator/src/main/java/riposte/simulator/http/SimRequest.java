package riposte.simulator.http;

import com.sun.net.httpserver.Headers;

/**
 * One request as a handler sees it.
 *
 * @param method   the HTTP method, upper-case
 * @param rawPath  the path exactly as sent, percent-encoding kept (e.g. {@code %2F})
 * @param rawQuery the query exactly as sent, or {@code null}
 * @param tail     for a prefix route, the raw part of the path after the prefix; {@code ""} for exact routes
 * @param headers  the request headers (case-insensitive names)
 * @param body     the request body, possibly empty
 * @param listener which listener received the request
 */
public record SimRequest(String method, String rawPath, String rawQuery, String tail, Headers headers, byte[] body,
                         Listener listener) {

    /** The two listeners every simulator has: its main host and a stand-in for a tenant's regional host. */
    public enum Listener { PRIMARY, REGIONAL }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.getFirst(name);
    }
}
