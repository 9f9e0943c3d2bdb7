package riposte.symantec.sepm;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.RateGovernorInterceptor;
import riposte.symantec.http.RedactingLoggingInterceptor;
import riposte.symantec.http.RetryInterceptor;
import riposte.symantec.http.RetryPolicy;
import riposte.symantec.http.Sleeper;
import riposte.symantec.http.Transport;

/**
 * Settings for a {@link SepmClient}; {@link #baseUrl} and {@link #credentials} are required. TLS verification is on
 * unless {@link #insecure(boolean)} is set explicitly, which prints a warning every time a client is built.
 * The CLI fills it from the {@code sepm.*} settings ({@code RIPOSTE_SEPM_URL}, {@code RIPOSTE_SEPM_CA_CERT},
 * {@code RIPOSTE_SEPM_INSECURE}, ...), declared once in {@code riposte.cli.config.Setting}.
 */
public final class SepmClientBuilder {
    /** SEPM's REST port, used when the URL names none. */
    public static final int DEFAULT_PORT = 8446;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** SEPM answers large computer pages slowly; a minute is generous without hiding a hung server. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** SEPM is one server; a handful of parallel calls is plenty and polite. */
    public static final int DEFAULT_MAX_CONCURRENCY = 4;

    private URI baseUrl;
    private SepmCredentials credentials;
    private Path trustedCertificates;
    private boolean insecure;
    private ProxySettings proxy;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Double rateLimit;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private PrintStream warnings = System.err;
    private RateGovernor.Registry registry;

    SepmClientBuilder() {}

    /** {@code https://host[:8446]}, with or without {@code /sepm/api/v1}. Plain http only to loopback hosts. */
    public SepmClientBuilder baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl);
        return this;
    }

    /** Administrator user name, password and domain ({@code ""} or null for the default domain). */
    public SepmClientBuilder credentials(String username, String password, String domain) {
        this.credentials = new SepmCredentials(username, password, domain);
        return this;
    }

    /** Trusts only the certificates of this PEM file: the CA of SEPM's certificate, or that certificate itself. */
    public SepmClientBuilder trustedCertificates(Path pem) {
        this.trustedCertificates = pem;
        return this;
    }

    /** Turns TLS verification off. Never the default; prints a warning each time a client is built. */
    public SepmClientBuilder insecure(boolean insecure) {
        this.insecure = insecure;
        return this;
    }

    public SepmClientBuilder proxy(ProxySettings proxy) {
        this.proxy = proxy;
        return this;
    }

    public SepmClientBuilder connectTimeout(Duration d) {
        this.connectTimeout = positive(d, "connectTimeout");
        return this;
    }

    public SepmClientBuilder readTimeout(Duration d) {
        this.readTimeout = positive(d, "readTimeout");
        return this;
    }

    /** Attempts per call, the first included (commands are not repeated after a 5xx or a lost connection). Default 5. */
    public SepmClientBuilder maxAttempts(int attempts) {
        if (attempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        this.maxAttempts = attempts;
        return this;
    }

    /** Backoff bounds (its maxAttempts is overridden by {@link #maxAttempts}). */
    public SepmClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy);
        return this;
    }

    /** SEPM's throttle ({@code scm.web.service.rest.throttle.*}) in requests/s, if known; else learned from 429s. */
    public SepmClientBuilder rateLimit(double requestsPerSecond) {
        this.rateLimit = requestsPerSecond;
        return this;
    }

    /** For token expiry, {@code Retry-After} dates, command timeouts and (when set) rate pacing. */
    public SepmClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.clockSet = true;
        return this;
    }

    /** How retries and rate pacing wait; tests pass one that records instead of sleeping. */
    public SepmClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper);
        return this;
    }

    SepmClientBuilder warnings(PrintStream warnings) {
        this.warnings = warnings;
        return this;
    }

    SepmClientBuilder rateGovernorRegistry(RateGovernor.Registry registry) {
        this.registry = registry;
        return this;
    }

    Clock clock() {
        return clock;
    }

    String credentialsForDisplay() {
        return String.valueOf(credentials);
    }

    public SepmClient build() {
        if (baseUrl == null) throw new SepmInvalidRequestException("the SEPM URL is required (RIPOSTE_SEPM_URL)");
        if (credentials == null) throw new SepmInvalidRequestException("SEPM credentials are required (RIPOSTE_SEPM_USERNAME, RIPOSTE_SEPM_PASSWORD)");
        if (insecure && trustedCertificates != null) {
            throw new SepmInvalidRequestException("choose either a trusted certificate or insecure mode, not both");
        }
        HttpUrl root = root(baseUrl);
        OkHttpClient.Builder base = new OkHttpClient.Builder().connectTimeout(connectTimeout).readTimeout(readTimeout)
                .followRedirects(false).followSslRedirects(false)
                .connectionPool(new ConnectionPool(DEFAULT_MAX_CONCURRENCY, 5, TimeUnit.MINUTES));
        if (proxy != null) Transport.applyProxy(base, proxy);
        if (insecure) SepmTls.insecure(base, warnings);
        else if (trustedCertificates != null) SepmTls.trust(base, trustedCertificates);
        RateGovernor.Registry reg = registry != null ? registry : RateGovernor.Registry.shared();
        RateGovernor governor = reg.governor("sepm|" + root.host() + ":" + root.port() + "|" + credentials.username(),
                () -> clockSet ? new RateGovernor(rateLimit, () -> clock.millis() * 1_000_000L, sleeper)
                        : new RateGovernor(rateLimit, System::nanoTime, sleeper));
        OkHttpClient plain = base
                .addInterceptor(new RedactingLoggingInterceptor(SepmClient.class.getName()))
                .addInterceptor(new RateGovernorInterceptor(governor, DEFAULT_MAX_CONCURRENCY))
                .addInterceptor(new RetryInterceptor(retryPolicy.withMaxAttempts(maxAttempts), governor, sleeper, clock))
                .build();
        TokenManager tokens = new TokenManager(plain, new SepmHttp(plain, plain, root).apiRoot(), credentials, clock);
        OkHttpClient api = plain.newBuilder().addInterceptor(new CommandGuardInterceptor())
                .addInterceptor(new BearerInterceptor(tokens)).build();
        OkHttpClient commands = api.newBuilder().retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
        return new SepmClient(copy(), api, new SepmHttp(api, commands, root), tokens);
    }

    /** Scheme, host and port of the URL (SEPM's paths are fixed); port 8446 if none is given. */
    static HttpUrl root(URI uri) {
        HttpUrl url = HttpUrl.get(uri.toString());
        if (url == null) throw new SepmInvalidRequestException("not an http(s) URL: " + uri);
        if (!url.isHttps() && !Transport.isLoopback(url.host())) {
            throw new SepmInvalidRequestException("refusing plain http to " + url.host() + ": SEPM is https (port 8446); "
                    + "plain http is allowed only to loopback hosts such as a local simulator");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(port).build();
    }

    SepmClientBuilder copy() {
        SepmClientBuilder b = new SepmClientBuilder();
        b.baseUrl = baseUrl;
        b.credentials = credentials;
        b.trustedCertificates = trustedCertificates;
        b.insecure = insecure;
        b.proxy = proxy;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxAttempts = maxAttempts;
        b.retryPolicy = retryPolicy;
        b.rateLimit = rateLimit;
        b.clock = clock;
        b.clockSet = clockSet;
        b.sleeper = sleeper;
        b.warnings = warnings;
        b.registry = registry;
        return b;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
        return d;
    }
}
