package riposte.simulator.ses;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import riposte.simulator.fault.Fault;
import riposte.simulator.http.Access;
import riposte.simulator.http.BearerTokens;
import riposte.simulator.http.RequestJournal;
import riposte.simulator.http.ServerOptions;
import riposte.simulator.http.SimServer;
import riposte.simulator.http.SimStats;

/**
 * A local, deterministic stand-in for the Symantec SES Threat Intel API on loopback HTTP: the token endpoint and
 * the nine Threat Intel endpoints, serving the reference's curated records and a seeded population of over a
 * million indicators ({@link SesPopulation}).
 *
 * <pre>{@code
 * try (SesSimulator sim = SesSimulator.builder().port(0).seed(42).build().start()) {
 *     URI base = sim.baseUrl();                // http://127.0.0.1:PORT
 *     String basic = sim.oauthCredentials();   // for "Authorization: Basic …"
 *     Sha256 bad = sim.population().maliciousFile(0);
 *     sim.enqueue(Fault.status(429).retryAfter(1));
 * }
 * }</pre>
 *
 * <p><b>Simulator-only behaviours</b> (the real API documents none of them): the rate limit (429 +
 * {@code Retry-After}), the random 5xx error rate, latency, the region-redirect mode (307 to a second, "regional"
 * listener; the token endpoint is not redirected), enqueued faults, {@code GET /_sim/stats} and
 * {@code POST /_sim/expire-tokens}. A request reaching the regional listener without {@code Authorization} gets 403,
 * as the real regional host gives a client that dropped the header on redirect.
 *
 * <p>{@link #start()} throws {@link java.io.UncheckedIOException} when the port cannot be bound.
 */
public final class SesSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "riposte-sim";
    public static final String DEFAULT_CLIENT_SECRET = "riposte-sim-secret";

    private final SimServer server;
    private final SesPopulation population;
    private final String clientId;
    private final String clientSecret;

    private SesSimulator(Builder b) {
        var options = new ServerOptions(b.port, b.latencyMin, b.latencyMax, b.rateLimitPerSecond, b.errorRate, b.seed,
                b.regionRedirect, b.journalCapacity, b.clock);
        var tokens = new BearerTokens(b.clock, b.tokenTtl);
        this.server = new SimServer(options, tokens);
        this.population = new SesPopulation(b.seed);
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        var tokenEndpoint = new TokenEndpoint(clientId, clientSecret, tokens, server);
        server.route("POST", TokenEndpoint.PATH, false, "POST " + TokenEndpoint.PATH, Access.PUBLIC,
                tokenEndpoint::handle);
        new ThreatIntelApi(population).register(server);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the listeners; returns {@code this} for chaining. */
    public SesSimulator start() {
        server.start();
        return this;
    }

    /** The base URL clients use in place of {@code https://api.sep.securitycloud.symantec.com}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** The stand-in for the tenant's regional host, where redirects point. */
    public URI regionalBaseUrl() {
        return server.regionalBaseUrl();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The console's "OAuth Credentials" value: standard Base64 of {@code clientId:clientSecret}. */
    public String oauthCredentials() {
        return Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    public SesPopulation population() {
        return population;
    }

    public SimStats stats() {
        return server.stats();
    }

    /** The last requests served (bounded; {@code Authorization} redacted). */
    public RequestJournal journal() {
        return server.journal();
    }

    /** Expires every token issued so far; the next API call with one gets 401. */
    public void expireAllTokens() {
        server.tokens().expireAll();
    }

    /** Queues a one-shot fault, e.g. {@code Fault.status(503)}, for the next matching request(s). */
    public void enqueue(Fault fault) {
        server.enqueue(fault);
    }

    /** Blocks until {@link #close()}; for the standalone {@code riposte simulate ses} command. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Knobs named like the {@code riposte simulate ses} options. All have working defaults. */
    public static final class Builder {
        private int port;
        private Duration latencyMin = Duration.ZERO;
        private Duration latencyMax = Duration.ZERO;
        private double rateLimitPerSecond;
        private double errorRate;
        private Duration tokenTtl = Duration.ofSeconds(3600);
        private long seed = 42;
        private boolean regionRedirect;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private int journalCapacity = ServerOptions.DEFAULT_JOURNAL_CAPACITY;
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        /** Loopback port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A fixed added latency per API request ({@code --latency-ms}). */
        public Builder latency(Duration latency) {
            return latency(latency, latency);
        }

        /** A latency drawn uniformly (seeded) from {@code [min, max]}. */
        public Builder latency(Duration min, Duration max) {
            this.latencyMin = Objects.requireNonNull(min);
            this.latencyMax = Objects.requireNonNull(max);
            return this;
        }

        /** API requests per second before 429 with {@code Retry-After}; 0 (default) for none ({@code --rate-limit}). */
        public Builder rateLimitPerSecond(double perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /** Share of API requests, 0 to 1, answered 500/502/503 at random (seeded); {@code --error-rate}. */
        public Builder errorRate(double rate) {
            this.errorRate = rate;
            return this;
        }

        /** Token lifetime, default 3600 s ({@code --token-ttl}). */
        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** Seeds the population and the fault dice; same seed, same bytes ({@code --seed}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Answer every API call on the primary listener with 307 to the regional listener. */
        public Builder regionRedirect(boolean on) {
            this.regionRedirect = on;
            return this;
        }

        /** Client credentials the token endpoint accepts (default {@code riposte-sim} / {@code riposte-sim-secret}). */
        public Builder credentials(String clientId, String clientSecret) {
            if (clientId.indexOf(':') >= 0) throw new IllegalArgumentException("a client id cannot contain ':'");
            this.clientId = clientId;
            this.clientSecret = Objects.requireNonNull(clientSecret);
            return this;
        }

        /** How many recent requests the journal keeps (default 1000). */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        /** Time source for token expiry and the rate limiter; tests pass a controllable one. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Validates the knobs (e.g. error rate in [0, 1]) and builds a simulator that is not yet started. */
        public SesSimulator build() {
            return new SesSimulator(this);
        }
    }
}
