package riposte.symantec.ses;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import riposte.core.enrichment.FileInsight;
import riposte.core.enrichment.NetworkHistory;
import riposte.core.enrichment.NetworkInsight;
import riposte.core.enrichment.ProcessChain;
import riposte.core.enrichment.Protection;
import riposte.core.enrichment.Related;
import riposte.core.enrichment.SectionParser;
import riposte.core.enrichment.SectionResult;
import riposte.core.indicator.Cve;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.Sha256;
import riposte.symantec.http.AttemptCounter;
import riposte.symantec.http.AuthenticationException;
import riposte.symantec.http.FailedCallIOException;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.RateGovernorInterceptor;
import riposte.symantec.http.RedactingLoggingInterceptor;
import riposte.symantec.http.RedirectInterceptor;
import riposte.symantec.http.RetryInterceptor;
import riposte.symantec.http.RetryPolicy;
import riposte.symantec.http.Sleeper;
import riposte.symantec.http.Transport;
import riposte.symantec.http.UpstreamException;

/**
 * A client for the Symantec Endpoint Security (ICDm) Threat Intel API. Immutable and thread-safe; build one with
 * {@link #builder()}, share it, and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (SesClient ses = SesClient.builder()
 *         .credentials(SesCredentials.ofClientIdAndSecret(id, secret))
 *         .build()) {
 *     FileInsight fi = ses.fileInsight(new Sha256("eec3f761…"));
 * }
 * }</pre>
 *
 * <p>Calls go through, in order: a redacting logger → the per-credential {@link RateGovernor} (waits for a permit;
 * at most {@code maxConcurrency} calls in flight) → retries on 429/5xx/transport failures honouring
 * {@code Retry-After} → the bearer token (one refresh and retry on 401) → redirects followed with
 * {@code Authorization} kept → the network.
 *
 * <p>Failures: {@link riposte.symantec.http.UnsupportedIndicatorException} before any request when an endpoint does
 * not take the indicator's type (CLI exit 2); {@link AuthenticationException} for rejected credentials, a 401 with a
 * fresh token, or 403 (exit 3); {@link UpstreamException} for anything else after retries (exit 4);
 * {@link riposte.core.enrichment.MalformedReplyException} for a 200 that is not JSON. A 404 is read as "no data"
 * (an empty result), because lookups of unknown indicators are what can 404 and the reference shows 404 bodies
 * may be empty; a wrong host fails earlier, at the token endpoint.
 */
public final class SesClient implements AutoCloseable {
    /** US and global tenants. */
    public static final String DEFAULT_BASE_URL = "https://api.sep.securitycloud.symantec.com";
    /** EU tenants. */
    public static final String EU_BASE_URL = "https://api.sep.eu.securitycloud.symantec.com";
    /** India tenants. */
    public static final String INDIA_BASE_URL = "https://api.sep.in.securitycloud.symantec.com";
    /** Redirects are followed (with credentials) only within this domain, the base host, or loopback. */
    static final String SYMANTEC_CLOUD_DOMAIN = ".securitycloud.symantec.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONCURRENCY = 16;

    private final Builder config;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final TokenManager tokens;
    private final RateGovernor governor;

    private SesClient(Builder b) {
        this.config = b.copy();
        this.baseUrl = b.checkedBaseUrl();
        OkHttpClient.Builder base = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(b.maxConcurrency, 5, TimeUnit.MINUTES));
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(b.maxConcurrency);
        dispatcher.setMaxRequestsPerHost(b.maxConcurrency);
        base.dispatcher(dispatcher);
        if (b.proxy != null) Transport.applyProxy(base, b.proxy);
        if (b.caCertificates != null) Transport.applyTrust(base, b.caCertificates, b.replaceDefaultTrust);
        if (!baseUrl.isHttps()) {
            // Plain http is only allowed to loopback (a simulator): skip building a TLS context, which costs a
            // one-shot command a third of its start-up.
            base.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        OkHttpClient transport = base.build();
        HttpUrl base0 = baseUrl;
        // Redirects carry credentials, so only to the same host, Symantec's regional hosts, or loopback (simulator).
        java.util.function.Predicate<HttpUrl> trusted = u -> u.host().equals(base0.host())
                || (u.isHttps() && u.host().endsWith(SYMANTEC_CLOUD_DOMAIN)) || Transport.isLoopback(u.host());
        this.tokens = new TokenManager(transport.newBuilder().addInterceptor(new RedirectInterceptor(trusted)).build(),
                baseUrl, b.credentials, b.clock);
        Clock clock = b.clock;
        RateGovernor.Registry registry = b.registry != null ? b.registry : RateGovernor.Registry.shared();
        this.governor = registry.governor(baseUrl.host() + ":" + baseUrl.port() + "|" + b.credentials.clientId(),
                () -> b.clockSet
                        ? new RateGovernor(b.rateLimit, () -> clock.millis() * 1_000_000L, b.sleeper)
                        : new RateGovernor(b.rateLimit, System::nanoTime, b.sleeper));
        RetryPolicy retry = b.retryPolicy.withMaxAttempts(b.maxAttempts);
        this.http = transport.newBuilder()
                .addInterceptor(new RedactingLoggingInterceptor(SesClient.class.getName()))
                .addInterceptor(new RateGovernorInterceptor(governor, b.maxConcurrency))
                .addInterceptor(new RetryInterceptor(retry, governor, b.sleeper, clock))
                .addInterceptor(new BearerTokenInterceptor(tokens))
                .addInterceptor(new RedirectInterceptor(trusted))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this client's settings, to build a variant (a new, independent client). */
    public Builder newBuilder() {
        return config.copy();
    }

    /** The base URL in use. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /** {@code GET /v1/threat-intel/insight/file/{sha256}}: reputation, prevalence, first/last seen, targets, actors. */
    public FileInsight fileInsight(Sha256 sha256) {
        return (FileInsight) fetch(SesEndpoint.FILE_INSIGHT, sha256);
    }

    /** {@code GET /v1/threat-intel/insight/network/{network}} for a domain, IPv4 address or URL: risk level, categories… */
    public NetworkInsight networkInsight(Indicator network) {
        return (NetworkInsight) fetch(SesEndpoint.NETWORK_INSIGHT, network);
    }

    /** {@code GET /v1/threat-intel/insight/network/history/{network}}: categorisation and risk-level history. */
    public NetworkHistory networkHistory(Indicator network) {
        return (NetworkHistory) fetch(SesEndpoint.NETWORK_HISTORY, network);
    }

    /** {@code GET /v1/threat-intel/protection/file/{sha256}}: which Symantec technologies detect the file. */
    public Protection fileProtection(Sha256 sha256) {
        return (Protection) fetch(SesEndpoint.FILE_PROTECTION, sha256);
    }

    /** {@code GET /v1/threat-intel/protection/network/{network}} for a domain, IPv4 address or URL. */
    public Protection networkProtection(Indicator network) {
        return (Protection) fetch(SesEndpoint.NETWORK_PROTECTION, network);
    }

    /** {@code GET /v1/threat-intel/protection/cve/{cve}}: which technologies protect against the CVE. */
    public Protection cveProtection(Cve cve) {
        return (Protection) fetch(SesEndpoint.CVE_PROTECTION, cve);
    }

    /** {@code GET /v1/threat-intel/related/file/{sha256}}: related indicators by relation. */
    public Related fileRelated(Sha256 sha256) {
        return (Related) fetch(SesEndpoint.FILE_RELATED, sha256);
    }

    /** {@code GET /v1/threat-intel/related/network/{network}} for a domain, IPv4 address or URL. */
    public Related networkRelated(Indicator network) {
        return (Related) fetch(SesEndpoint.NETWORK_RELATED, network);
    }

    /** {@code GET /v1/threat-intel/processchain/file/{sha256}}: the most common parent-process lineages. */
    public ProcessChain processChain(Sha256 sha256) {
        return (ProcessChain) fetch(SesEndpoint.PROCESS_CHAIN, sha256);
    }

    /** Calls {@code endpoint} for {@code indicator} and parses the reply; see the class comment for failures. */
    public SectionResult fetch(SesEndpoint endpoint, Indicator indicator) {
        endpoint.check(indicator);
        HttpUrl url = baseUrl.newBuilder().encodedPath("/").addPathSegments(endpoint.path().substring(1))
                .addEncodedPathSegment(IndicatorSegment.of(indicator)).build();
        AttemptCounter attempts = new AttemptCounter();
        Request request = new Request.Builder().url(url).header("Accept", "application/json")
                .tag(AttemptCounter.class, attempts).get().build();
        int code;
        String body;
        try (Response response = http.newCall(request).execute()) {
            code = response.code();
            body = response.body().string();
        } catch (FailedCallIOException e) {
            throw e.failure();
        } catch (IOException e) {
            throw new UpstreamException(0, null, true, attempts.attempts(), "no answer from " + baseUrl.host()
                    + " after " + attempts.attempts() + " attempt(s) (the request may have been sent): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return switch (code) {
            case 200 -> SectionParser.parse(endpoint.section(), indicator, body);
            case 404 -> SectionParser.parse(endpoint.section(), indicator, "{}");
            default -> throw ErrorBodies.failure(baseUrl.host(), code, body, attempts.attempts());
        };
    }

    /** How many tokens this client fetched (diagnostics). */
    int tokenFetches() {
        return tokens.fetches();
    }

    RateGovernor governor() {
        return governor;
    }

    /** Releases threads and pooled connections. In-flight calls may fail. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "SesClient[" + baseUrl.host() + ", " + config.credentials + "]";
    }

    /** Settings for a {@link SesClient}. Only {@link #credentials} is required. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private SesCredentials credentials;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private ProxySettings proxy;
        private Path caCertificates;
        private boolean replaceDefaultTrust;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Double rateLimit;
        private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean clockSet;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RateGovernor.Registry registry;

        private Builder() {}

        /**
         * The API host: {@link #DEFAULT_BASE_URL} (US/global), {@link #EU_BASE_URL} or {@link #INDIA_BASE_URL}. Must
         * be https, except on loopback hosts (127.0.0.0/8, ::1, localhost), e.g. the Riposte simulator.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl);
            return this;
        }

        public Builder baseUrl(java.net.URI baseUrl) {
            return baseUrl(baseUrl.toString());
        }

        public Builder credentials(SesCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials);
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Per read on the socket; a slow answer past it is retried. Default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Sends everything through an HTTP proxy; see {@link ProxySettings#withAuth}. */
        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Trusts the CA certificates in a PEM file, added to the JDK's trust store or, if {@code replaceDefaults},
         * instead of it. TLS verification is never disabled.
         */
        public Builder trustedCertificates(Path pemFile, boolean replaceDefaults) {
            this.caCertificates = pemFile;
            this.replaceDefaultTrust = replaceDefaults;
            return this;
        }

        /** At most this many calls in flight (others wait). Default 16. */
        public Builder maxConcurrency(int n) {
            if (n < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1");
            this.maxConcurrency = n;
            return this;
        }

        /**
         * The service's request limit per second for this credential, if known: the governor starts and stays at or
         * below it. Unknown by default (learned from 429s). Applies to the first client built for a credential.
         */
        public Builder rateLimit(double requestsPerSecond) {
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /** Attempts per call, the first included. Default 5. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
            this.maxAttempts = attempts;
            return this;
        }

        /** Backoff bounds (its maxAttempts is overridden by {@link #maxAttempts}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** For token expiry, {@code Retry-After} dates and (when set) rate pacing. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            this.clockSet = true;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /**
         * Where per-credential rate governors are shared; defaults to the process-wide registry. A separate registry
         * isolates clients that must not share what the governor learned (tests, benchmarks).
         */
        public Builder rateGovernorRegistry(RateGovernor.Registry registry) {
            this.registry = registry;
            return this;
        }

        public SesClient build() {
            if (credentials == null) throw new IllegalStateException("credentials are required");
            return new SesClient(this);
        }

        HttpUrl checkedBaseUrl() {
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
            if (!url.isHttps() && !Transport.isLoopback(url.host())) {
                throw new IllegalArgumentException("refusing plain http to " + url.host()
                        + ": use https (plain http is allowed only to loopback hosts such as a local simulator)");
            }
            return url;
        }

        Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.credentials = credentials;
            b.connectTimeout = connectTimeout;
            b.readTimeout = readTimeout;
            b.proxy = proxy;
            b.caCertificates = caCertificates;
            b.replaceDefaultTrust = replaceDefaultTrust;
            b.maxConcurrency = maxConcurrency;
            b.rateLimit = rateLimit;
            b.maxAttempts = maxAttempts;
            b.retryPolicy = retryPolicy;
            b.clock = clock;
            b.clockSet = clockSet;
            b.sleeper = sleeper;
            b.registry = registry;
            return b;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
            return d;
        }
    }
}
