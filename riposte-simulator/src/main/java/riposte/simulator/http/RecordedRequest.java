package riposte.simulator.http;

import java.util.List;
import java.util.Map;

/**
 * A request as the journal keeps it, with its outcome. {@code Authorization} values are redacted to their scheme
 * word (e.g. {@code "Bearer <redacted>"}) so a journal dump never leaks a secret.
 *
 * @param sequence  1 for the first request the server saw
 * @param listener  which listener received it
 * @param method    the HTTP method
 * @param rawPath   the path as sent
 * @param rawQuery  the query as sent, or {@code null}
 * @param template  the matched route, e.g. {@code GET /v1/threat-intel/insight/file/{sha256}}, or
 *                  {@code "<method> (unmatched)"}
 * @param headers   request headers, names lower-case, {@code Authorization} redacted
 * @param status    the status answered, or 0 when the connection was dropped on purpose
 */
public record RecordedRequest(long sequence, SimRequest.Listener listener, String method, String rawPath,
                              String rawQuery, String template, Map<String, List<String>> headers, int status) {

    /** The first value of a header (lower-case or any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
