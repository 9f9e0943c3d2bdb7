package riposte.simulator.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import riposte.simulator.fault.Fault;

/**
 * The HTTP base of a simulator: two loopback listeners (primary, and a stand-in for a tenant's regional host), one
 * virtual thread per request, routes, bearer tokens, stats, a bounded journal and fault injection.
 *
 * <p>Register routes before {@link #start()}, then use {@link #baseUrl()}:
 * <pre>{@code
 * var tokens = new BearerTokens(InstantSource.system(), Duration.ofHours(1));
 * try (var server = new SimServer(ServerOptions.defaults(), tokens)) {
 *     server.route("GET", "/v1/things/", true, "GET /v1/things/{id}", Access.BEARER,
 *             req -> SimResponse.json(200, "{\"id\":\"" + req.tail() + "\"}"));
 *     server.start();
 * }
 * }</pre>
 * Built in: {@code GET /_sim/stats} (no auth) and {@code POST /_sim/expire-tokens} (no auth; expires every token).
 * Failures to bind surface from {@link #start()} as {@link UncheckedIOException}.
 */
public final class SimServer implements AutoCloseable {

    /**
     * Largest request line plus headers the JDK server accepts (its default is 380 KiB). SEPM clients send every
     * computer id of a 50 000-endpoint fleet in one EOC query string (about 1.7 MB), so the simulators accept 8 MiB.
     * The JDK reads this property once, when its server classes load, hence a static initializer that runs before
     * any simulator binds; an explicit {@code -Dsun.net.httpserver.maxReqHeaderSize} wins.
     */
    private static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024 * 1024;

    static {
        if (System.getProperty("sun.net.httpserver.maxReqHeaderSize") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaderSize", Integer.toString(MAX_REQUEST_HEADER_BYTES));
        }
    }

    /** Pending connections per listener; benchmarks open many connections at once. */
    private static final int BACKLOG = 512;

    private final ServerOptions options;
    private final BearerTokens tokens;
    private final Router router = new Router();
    private final Router internal = new Router();
    private final StatsCounters stats = new StatsCounters();
    private final RequestJournal journal;
    private final FaultQueue faults = new FaultQueue();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ExecutorService executor;
    private HttpServer primary;
    private HttpServer regional;
    private SSLContext tls;
    private BiFunction<Integer, String, SimResponse> errorBody = SimResponse::message;
    private Supplier<String> extraStats = () -> "";

    public SimServer(ServerOptions options, BearerTokens tokens) {
        this.options = options;
        this.tokens = tokens;
        this.journal = new RequestJournal(options.journalCapacity());
        internal.add(new Route("GET", "/_sim/stats", false, "GET /_sim/stats", Access.PUBLIC,
                req -> SimResponse.json(200, statsJson())));
        internal.add(new Route("POST", "/_sim/expire-tokens", false, "POST /_sim/expire-tokens", Access.PUBLIC,
                req -> {
                    tokens.expireAll();
                    return SimResponse.json(200, "{\"expired\":true}");
                }));
    }

    /**
     * Adds a route. With {@code prefix}, {@code path} must end in {@code /} and the raw rest of the request path is
     * handed to the handler as {@link SimRequest#tail()}.
     */
    public SimServer route(String method, String path, boolean prefix, String template, Access access,
                           SimHandler handler) {
        router.add(new Route(method, path, prefix, template, access, handler));
        return this;
    }

    /**
     * Adds a test hook beside {@code /_sim/stats}: no auth, no faults, latency, limits or stats. The path should
     * start with {@code /_sim/}.
     */
    public SimServer hook(String method, String path, SimHandler handler) {
        internal.add(new Route(method, path, false, method + " " + path, Access.PUBLIC, handler));
        return this;
    }

    /** Serves HTTPS with {@code context} instead of plain HTTP; call before {@link #start()}. */
    public SimServer https(SSLContext context) {
        this.tls = context;
        return this;
    }

    /**
     * Replaces the body of the errors the server itself produces (401, 404, 405, 429, injected 5xx); the default is
     * {@link SimResponse#message}. Simulators whose API has another error shape (SEPM) set theirs.
     */
    public SimServer errorBody(BiFunction<Integer, String, SimResponse> errorBody) {
        this.errorBody = errorBody;
        return this;
    }

    /** Extra JSON members (without braces) appended to {@code /_sim/stats}, e.g. {@code "sepm":{...}}. */
    public SimServer extraStats(Supplier<String> members) {
        this.extraStats = members;
        return this;
    }

    private String statsJson() {
        String base = stats().toJson();
        String extra = extraStats.get();
        return extra.isEmpty() ? base : base.substring(0, base.length() - 1) + "," + extra + "}";
    }

    /** Binds both listeners and starts serving. */
    public synchronized SimServer start() {
        if (primary != null) throw new IllegalStateException("already started");
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var dispatcher = new Dispatcher(options, router, internal, tokens, stats, journal, faults,
                target -> URI.create(regionalBaseUrl() + target), errorBody);
        try {
            primary = bind(options.port());
            regional = bind(0);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot bind the simulator on loopback port " + options.port(), e);
        }
        primary.createContext("/", ex -> dispatcher.handle(ex, SimRequest.Listener.PRIMARY));
        regional.createContext("/", ex -> dispatcher.handle(ex, SimRequest.Listener.REGIONAL));
        primary.start();
        regional.start();
        return this;
    }

    private HttpServer bind(int port) throws IOException {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, BACKLOG);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, BACKLOG);
        }
        server.setExecutor(executor);
        return server;
    }

    /** {@code http://127.0.0.1:<port>} (or {@code https://} with {@link #https}) of the primary listener. */
    public URI baseUrl() {
        return base(requireStarted(primary));
    }

    /** {@code http://127.0.0.1:<port>} of the regional listener, the target of redirects. */
    public URI regionalBaseUrl() {
        return base(requireStarted(regional));
    }

    /** Queues a one-shot fault for the next matching request(s). */
    public void enqueue(Fault fault) {
        faults.add(fault);
    }

    /** Drops every fault still queued. */
    public void clearFaults() {
        faults.clear();
    }

    public SimStats stats() {
        return stats.snapshot();
    }

    /** Counts a token issued (token endpoints call this). */
    public void countTokenIssued() {
        stats.tokensIssued.increment();
    }

    public RequestJournal journal() {
        return journal;
    }

    public BearerTokens tokens() {
        return tokens;
    }

    public ServerOptions options() {
        return options;
    }

    /** Blocks until {@link #close()} is called, e.g. from a shutdown hook of a standalone run. */
    public void awaitTermination() throws InterruptedException {
        closed.await();
    }

    /** Stops both listeners at once, abandoning requests in flight (stalled ones included). */
    @Override
    public synchronized void close() {
        if (primary != null) primary.stop(0);
        if (regional != null) regional.stop(0);
        if (executor != null) executor.shutdownNow();
        closed.countDown();
    }

    private static URI base(HttpServer server) {
        var address = server.getAddress();
        String scheme = server instanceof HttpsServer ? "https://" : "http://";
        return URI.create(scheme + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private static HttpServer requireStarted(HttpServer server) {
        if (server == null) throw new IllegalStateException("the simulator is not started");
        return server;
    }
}
