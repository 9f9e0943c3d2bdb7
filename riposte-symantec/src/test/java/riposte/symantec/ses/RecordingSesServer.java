package riposte.symantec.ses;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted SES stand-in on loopback for wire-level assertions the simulator does not expose: it records every
 * request (raw path, headers, body) and answers from a queue of scripted replies, falling back to a valid token
 * (for the token path) or an echo-only 200.
 */
final class RecordingSesServer implements AutoCloseable {
    record Recorded(String method, String rawPath, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    record Reply(int status, String body, Map<String, String> headers, long stallMillis) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, Map.copyOf(h), stallMillis);
        }

        Reply stall(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> apiReplies = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Reply> tokenReplies = new ConcurrentLinkedDeque<>();
    /** Replies for requests whose path starts with a prefix: for callers that send requests in parallel. */
    private final Map<String, ConcurrentLinkedDeque<Reply>> repliesByPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final HttpServer server;
    volatile String validToken;

    RecordingSesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void enqueueApi(Reply... replies) {
        apiReplies.addAll(List.of(replies));
    }

    void enqueueApi(String pathPrefix, Reply... replies) {
        repliesByPath.computeIfAbsent(pathPrefix, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    void enqueueToken(Reply... replies) {
        tokenReplies.addAll(List.of(replies));
    }

    List<Recorded> tokenRequests() {
        return requests.stream().filter(r -> r.rawPath().equals("/v1/oauth2/tokens")).toList();
    }

    List<Recorded> apiRequests() {
        return requests.stream().filter(r -> !r.rawPath().equals("/v1/oauth2/tokens")).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded rec = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                Map.copyOf(ex.getRequestHeaders()), body);
        requests.add(rec);
        Reply reply;
        if (rec.rawPath().equals("/v1/oauth2/tokens")) {
            reply = tokenReplies.poll();
            if (reply == null) {
                validToken = "tok-" + tokenCounter.incrementAndGet();
                reply = Reply.of(200, "{\"access_token\":\"" + validToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            }
        } else {
            reply = repliesByPath.entrySet().stream().filter(e -> rec.rawPath().startsWith(e.getKey()))
                    .map(e -> e.getValue().poll()).filter(java.util.Objects::nonNull).findFirst()
                    .orElseGet(apiReplies::poll);
            if (reply == null) {
                String segment = rec.rawPath().substring(rec.rawPath().lastIndexOf('/') + 1);
                String key = rec.rawPath().contains("/file/") ? "file" : rec.rawPath().contains("/cve/") ? "cve" : "network";
                reply = Reply.of(200, "{\"" + key + "\":\"" + segment + "\"}");
            }
        }
        if (reply.stallMillis() > 0) {
            try {
                Thread.sleep(reply.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
