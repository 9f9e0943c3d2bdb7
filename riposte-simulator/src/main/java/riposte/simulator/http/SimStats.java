package riposte.simulator.http;

import java.util.Map;

/**
 * A snapshot of what a simulator has done since it started, also served as JSON at {@code GET /_sim/stats}.
 *
 * @param calls            requests per route template, e.g. {@code "GET /v1/threat-intel/insight/file/{sha256}"},
 *                         whatever their outcome (401s, 429s and injected faults included); {@code /_sim/} hooks
 *                         are not counted
 * @param tooManyRequests  429 replies (rate limit and injected)
 * @param injected5xx      5xx replies caused by the error rate or an enqueued fault
 * @param tokensIssued     bearer tokens issued
 * @param unauthorized     401 replies
 * @param redirects        307 replies (redirect mode and injected)
 * @param peakInFlight     the most API requests being answered at the same moment (how much concurrency a client
 *                         really reached)
 */
public record SimStats(Map<String, Long> calls, long tooManyRequests, long injected5xx, long tokensIssued,
                       long unauthorized, long redirects, int peakInFlight) {

    public SimStats {
        calls = Map.copyOf(calls);
    }

    /** Calls for one template, 0 if never called. */
    public long calls(String template) {
        return calls.getOrDefault(template, 0L);
    }

    /** The JSON served at {@code /_sim/stats}, templates sorted for stable output. */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject().name("calls").beginObject();
        calls.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.field(e.getKey(), e.getValue()));
        return w.endObject()
                .field("tooManyRequests", tooManyRequests)
                .field("injected5xx", injected5xx)
                .field("tokensIssued", tokensIssued)
                .field("unauthorized", unauthorized)
                .field("redirects", redirects)
                .field("peakInFlight", peakInFlight)
                .endObject().toString();
    }
}
