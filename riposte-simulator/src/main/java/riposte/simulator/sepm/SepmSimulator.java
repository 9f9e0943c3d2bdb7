package riposte.simulator.sepm;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import riposte.core.indicator.Sha256;
import riposte.simulator.http.BearerTokens;
import riposte.simulator.fault.Fault;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.RequestJournal;
import riposte.simulator.http.ServerOptions;
import riposte.simulator.http.SimResponse;
import riposte.simulator.http.SimServer;
import riposte.simulator.ses.SesPopulation;

/**
 * A stateful, seeded simulator of the Symantec Endpoint Protection Manager REST API
 * ({@code /sepm/api/v1}, {@code /sepm/api/v2}) as described in {@code reference/sepm-rest-api.md}:
 * domains, a group tree, a fleet of computers with file inventories, a command queue whose
 * per-endpoint states advance over simulated time, EOC scans and remediation, uploads, quarantine,
 * moves, fingerprint lists with lockdown assignments, token expiry, throttling and injected 5xx.
 *
 * <pre>{@code
 * try (SepmSimulator sim = SepmSimulator.builder().endpoints(200).seed(42).build().start()) {
 *     URI base = sim.baseUrl();              // https://127.0.0.1:<port>
 *     String pem = sim.certificatePem();     // trust this in the client
 *     sim.advance(Duration.ofMinutes(5));    // commands progress
 * }
 * }</pre>
 *
 * <p>HTTPS with a freshly generated self-signed certificate by default; plain HTTP with
 * {@code https(false)}. Test hooks without auth: {@code GET /_sim/stats}, {@code GET|POST /_sim/clock}
 * ({@code ?seconds=N} or {@code ?advance=PT5M} advances the clock), {@code POST /_sim/expire-tokens}.
 * Default credentials: {@value #DEFAULT_USERNAME} / {@value #DEFAULT_PASSWORD}, domain {@code ""} or
 * {@code "Default"}. {@link #start()} throws {@link java.io.UncheckedIOException} if the port cannot be bound.
 */
public final class SepmSimulator implements AutoCloseable {
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "Sepm-Sim-1";
    /**
     * How many of the SES population's malicious files are planted on endpoints. The first ones are the most
     * widespread; 50 keeps popular hashes on many endpoints even in a 200-endpoint fleet.
     */
    static final int MALICIOUS_POOL = 50;

    private final Builder config;
    private final SimClock clock;
    private final SepmModel model;
    private final SelfSignedTls tls;
    private final SimServer server;

    private SepmSimulator(Builder b) {
        this.config = b;
        this.clock = new SimClock(b.startTime, b.frozenClock);
        List<String> pool = b.maliciousSha256s != null ? b.maliciousSha256s
                : (b.population != null ? b.population : new SesPopulation(b.seed)).maliciousFiles(MALICIOUS_POOL)
                        .stream().map(Sha256::value).toList();
        // Planted files come first in the pool: the skewed pick makes the first hashes the most widespread.
        java.util.Map<String, byte[]> planted = new java.util.LinkedHashMap<>();
        for (byte[] content : b.plantedFiles) planted.put(Inventory.plantedFile("", content).sha256(), content);
        List<String> malicious = new java.util.ArrayList<>(planted.keySet());
        pool.stream().filter(h -> !planted.containsKey(h.toLowerCase(java.util.Locale.ROOT))).forEach(malicious::add);
        this.model = new SepmModel(clock, b.seed, b.endpoints, b.offlineFraction, malicious, b.maliciousFraction,
                b.agentDelayMin.toMillis(), b.agentDelayMax.toMillis(), planted);
        this.tls = b.https ? SelfSignedTls.generate() : null;
        var options = new ServerOptions(b.port, b.latency, b.latency, 0, b.errorRate, b.seed, false,
                ServerOptions.DEFAULT_JOURNAL_CAPACITY, clock::now);
        this.server = new SimServer(options, new BearerTokens(clock::now, b.tokenTtl));
        if (tls != null) {
            server.https(tls.context());
        }
        server.errorBody((status, reason) -> SepmErrors.fromBase(status, reason, b.oauth401));
        server.extraStats(this::statsMembers);
        server.hook("GET", "/_sim/clock", r -> clockJson());
        server.hook("POST", "/_sim/clock", r -> {
            try {
                Query q = new Query(r.rawQuery());
                Duration by = q.first("advance") != null ? Duration.parse(q.first("advance"))
                        : Duration.ofMillis(q.longValue("ms", 0) + 1000 * q.longValue("seconds", 0));
                clock.advance(by);
                return clockJson();
            } catch (RuntimeException e) {
                return SepmErrors.invalid("Use ?seconds=N, ?ms=N or ?advance=<ISO-8601 duration>, not negative.");
            }
        });
        var routes = new SepmRoutes(server, new Throttle(b.rateLimit, b.rateLimitWindow.toMillis()), clock);
        new IdentityRoutes(model, server, b.username, b.password).register(routes);
        new ComputerRoutes(model).register(routes);
        new GroupRoutes(model).register(routes);
        new PolicyRoutes(model).register(routes);
        new CommandRoutes(model).register(routes);
        new FingerprintRoutes(model).register(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the listener and starts serving; returns this. */
    public SepmSimulator start() {
        server.start();
        return this;
    }

    /** {@code https://127.0.0.1:<port>} (or {@code http://}); append {@code /sepm/api/v1/...}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** The self-signed server certificate in PEM, to trust explicitly; null when serving plain HTTP. */
    public String certificatePem() {
        return tls == null ? null : tls.pem();
    }

    /** The simulated time. */
    public Instant clock() {
        return clock.now();
    }

    /** Moves the simulated time forward: commands progress, tokens and throttle windows expire. */
    public Instant advance(Duration by) {
        return clock.advance(by);
    }

    public SepmStats stats() {
        return new SepmStats(server.stats(), model.fleet.size(), model.queue.size(),
                model.fingerprints.all().size(), clock.now());
    }

    /** Queues a one-shot fault (429 with Retry-After, 5xx, stall, disconnect, token expiry) for the next call(s). */
    public void enqueue(Fault fault) {
        server.enqueue(fault);
    }

    /** The last requests received (Authorization redacted), for tests that assert on what a client sent. */
    public RequestJournal journal() {
        return server.journal();
    }

    /** Expires every bearer token issued so far (clients must re-authenticate). */
    public void expireTokens() {
        server.tokens().expireAll();
    }

    /** Unique ids ({@code computer_ids}) of the computers holding a file with this MD5, SHA-1 or SHA-256 now. */
    public List<String> computersHolding(String hash) {
        return model.computersHolding(hash);
    }

    /** The malicious SHA-256s seeded into the inventories (lower-case). */
    public List<String> maliciousSha256s() {
        return model.inventory.maliciousSha256s();
    }

    /** The credentials clients must send. */
    public String username() {
        return config.username;
    }

    public String password() {
        return config.password;
    }

    SepmModel model() {
        return model;
    }

    @Override
    public void close() {
        server.close();
    }

    private SimResponse clockJson() {
        Instant now = clock.now();
        return SimResponse.json(200, new JsonWriter().beginObject().field("now", now.toString())
                .field("epochMillis", now.toEpochMilli()).endObject().toBytes());
    }

    private String statsMembers() {
        return new JsonWriter().name("sepm").beginObject().field("endpoints", model.fleet.size())
                .field("commands", model.queue.size()).field("fingerprintLists", model.fingerprints.all().size())
                .field("clock", clock.now().toString()).endObject().toString();
    }

    /** Knobs, named after the options of {@code riposte simulate sepm}. */
    public static final class Builder {
        private int port;
        private int endpoints = 200;
        private long seed = 42;
        private Duration latency = Duration.ZERO;
        private int rateLimit;
        private Duration rateLimitWindow = Duration.ofMinutes(1);
        private double errorRate;
        private Duration agentDelayMin = Duration.ofSeconds(5);
        private Duration agentDelayMax = Duration.ofSeconds(60);
        private double offlineFraction = 0.1;
        private Duration tokenTtl = Duration.ofHours(12);
        private boolean https = true;
        private String username = DEFAULT_USERNAME;
        private String password = DEFAULT_PASSWORD;
        private Instant startTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private boolean frozenClock;
        private boolean oauth401;
        private List<String> maliciousSha256s;
        private final List<byte[]> plantedFiles = new java.util.ArrayList<>();
        private SesPopulation population;
        private double maliciousFraction = 0.08;

        private Builder() {
        }

        /** Loopback port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Fleet size, 1 to 50 000 (default 200). */
        public Builder endpoints(int endpoints) {
            if (endpoints < 1 || endpoints > 1_000_000) {
                throw new IllegalArgumentException("endpoints must be in 1..1000000: " + endpoints);
            }
            this.endpoints = endpoints;
            return this;
        }

        /** Seeds all data and the fault dice (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Added latency per API request (default none). */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        /** SEPM throttle: calls per one-minute window before 429 (default 0 = off). */
        public Builder rateLimitPerMinute(int calls) {
            return rateLimit(calls, Duration.ofMinutes(1));
        }

        /** SEPM throttle with another window ({@code scm.web.service.rest.throttle.window.mins}). */
        public Builder rateLimit(int calls, Duration window) {
            this.rateLimit = calls;
            this.rateLimitWindow = window;
            return this;
        }

        /** Share of API requests, 0 to 1, answered with a random 500/502/503 (seeded dice). */
        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        /** Range of the per-endpoint agent delay until a command completes (default 5 s..60 s). */
        public Builder agentDelay(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("agent delay must satisfy 0 <= min <= max");
            }
            this.agentDelayMin = min;
            this.agentDelayMax = max;
            return this;
        }

        /** Share of endpoints that are offline and never complete a command (default 0.1). */
        public Builder offlineFraction(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("offline fraction must be in [0, 1]");
            }
            this.offlineFraction = fraction;
            return this;
        }

        /** Token lifetime on the simulated clock (default 12 h). */
        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = ttl;
            return this;
        }

        /** HTTPS with a self-signed certificate (default) or plain HTTP. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /** Start of simulated time (default now); fixes every timestamp for reproducible output. */
        public Builder startTime(Instant start) {
            this.startTime = start;
            return this;
        }

        /**
         * Answer 401 for a missing, unknown or expired token with {@code {"error":"invalid_token",
         * "error_description":..}} instead of the SEPM error body (default false).
         */
        public Builder oauthStyle401(boolean oauth) {
            this.oauth401 = oauth;
            return this;
        }

        /** Freeze the simulated clock: it moves only by {@link SepmSimulator#advance} or {@code POST /_sim/clock}. */
        public Builder frozenClock(boolean frozen) {
            this.frozenClock = frozen;
            return this;
        }

        /**
         * The SES population whose first malicious files are planted on endpoints (default: {@code new
         * SesPopulation(seed)}, the one an SES simulator with the same seed serves), so enrichment and response agree.
         */
        public Builder population(SesPopulation population) {
            this.population = Objects.requireNonNull(population);
            return this;
        }

        /** Malicious SHA-256s to plant instead of the SES population's (e.g. a test's own). */
        public Builder maliciousSha256s(Collection<String> sha256s) {
            this.maliciousSha256s = List.copyOf(sha256s);
            return this;
        }

        /**
         * Plants a malicious file with these bytes on Windows endpoints (first in the pool, so on the most of them):
         * an EOC scan finds it by its true hashes, and an upload then a download returns exactly these bytes.
         */
        public Builder plantFile(byte[] content) {
            if (content == null || content.length == 0) throw new IllegalArgumentException("a planted file needs bytes");
            this.plantedFiles.add(content.clone());
            return this;
        }

        /** Share of Windows endpoints holding malicious files (default 0.08). */
        public Builder maliciousFraction(double fraction) {
            this.maliciousFraction = fraction;
            return this;
        }

        public SepmSimulator build() {
            return new SepmSimulator(this);
        }
    }
}
