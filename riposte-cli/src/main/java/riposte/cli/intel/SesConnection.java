package riposte.cli.intel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.config.ConfigurationException;
import riposte.cli.config.Setting;
import riposte.cli.config.Settings;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionTtls;
import riposte.core.enrichment.VerdictPolicy;
import riposte.simulator.ses.SesSimulator;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.ses.SesCache;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;
import riposte.symantec.ses.SesThreatIntelSource;

/**
 * The SES client, source and enricher built from the settings, or around an in-process simulator for
 * {@code --sim}. Closing it closes the client (and stops the simulator).
 */
final class SesConnection implements AutoCloseable {
    /** Enough for a large bulk run's distinct indicators × sections without unbounded growth. */
    private static final long CACHE_ENTRIES = 200_000;

    private final SesClient client;
    private final SesSimulator simulator;
    private final Enricher enricher;

    private SesConnection(SesClient client, SesSimulator simulator, Settings settings) {
        this.client = client;
        this.simulator = simulator;
        this.enricher = new Enricher(new SesThreatIntelSource(client),
                SesCache.create(ttls(settings), java.time.Clock.systemUTC(), CACHE_ENTRIES), new VerdictPolicy());
    }

    /**
     * Connects to the configured service; fails with exit code 3 when no credentials are configured.
     *
     * @param maxConcurrency requests in flight at once (the caller's {@code --concurrency}, else
     *     {@code ses.max-concurrency})
     */
    static SesConnection configured(Settings settings, int maxConcurrency) {
        SesCredentials credentials = credentials(settings);
        SesClient client = builder(settings, maxConcurrency)
                .baseUrl(settings.get(Setting.SES_URL).orElse(SesClient.DEFAULT_BASE_URL))
                .credentials(credentials)
                .build();
        return new SesConnection(client, null, settings);
    }

    /** Starts the SES simulator on a free loopback port and connects to it. */
    static SesConnection simulated(Settings settings, int maxConcurrency) {
        SesSimulator simulator = SesSimulator.builder().port(0).build().start();
        try {
            SesClient client = builder(settings, maxConcurrency)
                    .baseUrl(simulator.baseUrl())
                    .credentials(SesCredentials.ofClientIdAndSecret(simulator.clientId(), simulator.clientSecret()))
                    .build();
            return new SesConnection(client, simulator, settings);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    Enricher enricher() {
        return enricher;
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) simulator.close();
    }

    private static SesClient.Builder builder(Settings settings, int maxConcurrency) {
        SesClient.Builder b = SesClient.builder()
                .connectTimeout(settings.duration(Setting.SES_CONNECT_TIMEOUT))
                .readTimeout(settings.duration(Setting.SES_READ_TIMEOUT))
                .maxAttempts(settings.integer(Setting.SES_MAX_ATTEMPTS))
                .maxConcurrency(maxConcurrency);
        Double rate = settings.decimal(Setting.SES_RATE_LIMIT);
        if (rate != null) b.rateLimit(rate);
        settings.get(Setting.SES_CA_CERT).ifPresent(pem -> b.trustedCertificates(Path.of(pem), false));
        settings.get(Setting.SES_PROXY).ifPresent(p -> b.proxy(proxy(p)));
        return b;
    }

    private static SesCredentials credentials(Settings settings) {
        var oauth = settings.get(Setting.SES_OAUTH_CREDENTIALS);
        var id = settings.get(Setting.SES_CLIENT_ID);
        var secret = settings.get(Setting.SES_CLIENT_SECRET);
        if (oauth.isPresent()) return SesCredentials.ofOAuthCredentials(oauth.get());
        if (id.isPresent() && secret.isPresent()) return SesCredentials.ofClientIdAndSecret(id.get(), secret.get());
        throw new CliException(ExitCodes.AUTHENTICATION, "no SES credentials configured: set "
                + Setting.SES_CLIENT_ID.environmentVariable() + " and " + Setting.SES_CLIENT_SECRET.environmentVariable()
                + " (or " + Setting.SES_OAUTH_CREDENTIALS.environmentVariable()
                + "), or use --sim to try the built-in simulator");
    }

    private static ProxySettings proxy(String value) {
        try {
            return ProxySettings.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Setting.SES_PROXY.key() + ": " + e.getMessage());
        }
    }

    private static SectionTtls ttls(Settings settings) {
        Map<Section, Duration> ttls = new EnumMap<>(Section.class);
        ttls.put(Section.INSIGHT, settings.duration(Setting.CACHE_TTL_INSIGHT));
        ttls.put(Section.PROTECTION, settings.duration(Setting.CACHE_TTL_PROTECTION));
        ttls.put(Section.RELATED, settings.duration(Setting.CACHE_TTL_RELATED));
        ttls.put(Section.PROCESS_CHAIN, settings.duration(Setting.CACHE_TTL_PROCESS_CHAIN));
        ttls.put(Section.HISTORY, settings.duration(Setting.CACHE_TTL_HISTORY));
        return new SectionTtls(ttls);
    }
}
