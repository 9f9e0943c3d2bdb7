package riposte.simulator.http;

import com.sun.net.httpserver.Headers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code capacity} requests a server answered, oldest first, like MockWebServer's {@code RecordedRequest}
 * queue but bounded so that a benchmark's million requests cannot exhaust memory.
 */
public final class RequestJournal {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries;
    private final AtomicLong sequence = new AtomicLong();

    RequestJournal(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative");
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(long seq, SimRequest request, String template, int status) {
        if (capacity == 0) return;
        var entry = new RecordedRequest(seq, request.listener(), request.method(), request.rawPath(),
                request.rawQuery(), template, redacted(request.headers()), status);
        synchronized (entries) {
            if (entries.size() == capacity) entries.removeFirst();
            entries.addLast(entry);
        }
    }

    /** A copy of the kept requests, oldest first. */
    public List<RecordedRequest> recent() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The most recent request, or {@code null} if none was recorded. */
    public RecordedRequest last() {
        synchronized (entries) {
            return entries.peekLast();
        }
    }

    /** How many requests the server has seen in total, kept or not. */
    public long total() {
        return sequence.get();
    }

    private static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("authorization")) {
                List<String> masked = new ArrayList<>(values.size());
                for (String v : values) {
                    int space = v.indexOf(' ');
                    masked.add((space > 0 ? v.substring(0, space) + " " : "") + "<redacted>");
                }
                copy.put(key, List.copyOf(masked));
            } else {
                copy.put(key, List.copyOf(values));
            }
        });
        return Map.copyOf(copy);
    }
}
