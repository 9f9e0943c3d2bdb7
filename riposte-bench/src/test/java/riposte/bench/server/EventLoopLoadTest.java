package riposte.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's event-loop load generator against a real HTTP server (the JDK's) on loopback: every answer is
 * read whole whatever its framing, counted by status, and its latency recorded; connections are reused.
 */
class EventLoopLoadTest {
    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void answersWithAContentLengthAreAllReadAndTheirConnectionsReused() throws IOException {
        start(exchange -> answer(exchange, 200, body(300), false));

        EventLoopLoad.Outcome o = load(400, 2000);

        assertThat(o.ok()).isEqualTo(400);
        assertThat(o.errors()).isZero();
        assertThat(o.latencyUs().getTotalCount()).isEqualTo(400);
        assertThat(o.lastDoneNanos()).isPositive();
        assertThat(connections.get()).as("connections opened for 400 requests").isLessThan(100);
    }

    @Test
    void chunkedAnswersLargerThanTheReadBufferAreReadWhole() throws IOException {
        // 200 KB in chunks: more than the 64 KB the connection reads at a time
        start(exchange -> answer(exchange, 200, body(200_000), true));

        EventLoopLoad.Outcome o = load(100, 500);

        assertThat(o.ok()).isEqualTo(100);
        assertThat(o.errors()).isZero();
    }

    @Test
    void otherStatusesCountAsErrorsNamingTheFirst() throws IOException {
        AtomicInteger n = new AtomicInteger();
        start(exchange -> answer(exchange, n.incrementAndGet() % 2 == 0 ? 503 : 200, body(50), false));

        EventLoopLoad.Outcome o = load(100, 1000);

        assertThat(o.ok()).isEqualTo(50);
        assertThat(o.errors()).isEqualTo(50);
        assertThat(o.firstError()).isEqualTo("HTTP 503");
        assertThat(o.latencyUs().getTotalCount()).isEqualTo(100);
    }

    @Test
    void aServerThatClosesEachConnectionGetsANewOneForEveryRequest() throws IOException {
        start(exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 200, body(100), false);
        });

        EventLoopLoad.Outcome o = load(50, 500);

        assertThat(o.ok()).isEqualTo(50);
        assertThat(o.errors()).isZero();
        assertThat(connections.get()).isEqualTo(50);
    }

    @Test
    void requestsNotAnsweredInTimeAreErrorsAndTheRunEnds() throws IOException {
        start(exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, body(10), false);
        });

        EventLoopLoad.Outcome o = new EventLoopLoad(address(), request(), 4)
                .run(System.nanoTime(), 10, 1e6, TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(o.ok()).isZero();
        assertThat(o.errors()).isEqualTo(10);
        assertThat(o.firstError()).isEqualTo("10 not answered in time");
    }

    private EventLoopLoad.Outcome load(int requests, double rate) throws IOException {
        return new EventLoopLoad(address(), request(), 64)
                .run(System.nanoTime(), requests, 1e9 / rate, TimeUnit.SECONDS.toNanos(20));
    }

    private void start(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private void answer(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        noteConnection(exchange);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (chunked) {
                for (int i = 0; i < body.length; i += 7_000) out.write(body, i, Math.min(7_000, body.length - i));
            } else {
                out.write(body);
            }
        }
    }

    /** The client ports seen: one per connection (loopback does not reuse a port within a test). */
    private final java.util.Set<Integer> ports = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void noteConnection(HttpExchange exchange) {
        if (ports.add(exchange.getRemoteAddress().getPort())) connections.incrementAndGet();
    }

    private InetSocketAddress address() {
        return server.getAddress();
    }

    private byte[] request() {
        return KeepAliveClient.request(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "/items",
                "Accept: application/json");
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }
}
