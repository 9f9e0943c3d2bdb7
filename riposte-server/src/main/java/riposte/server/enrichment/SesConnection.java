package riposte.server.enrichment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.SectionCache;
import riposte.core.enrichment.SectionTtls;
import riposte.core.enrichment.VerdictPolicy;
import riposte.server.credential.CredentialSecrets;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.ses.SesCache;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;
import riposte.symantec.ses.SesThreatIntelSource;

/**
 * The server's way to SES Threat Intel: an {@link Enricher} over one shared section cache, built from the stored
 * credential of kind {@code SES} when there is one (newest wins), else from {@code riposte.ses.*}. The client is
 * rebuilt only when the credential or URL changes, so the per-credential rate governor and the token survive between
 * calls. Secrets are never logged.
 */
@Component
public class SesConnection implements DisposableBean {
    static final String CREDENTIAL_KIND = "SES";
    private static final Logger log = LoggerFactory.getLogger(SesConnection.class);

    /** What {@link #current()} found: a ready enricher, or why there is none. */
    public sealed interface State {
        /** A configured connection; {@code origin} says where the credential came from (never the secret). */
        record Ready(Enricher enricher, String origin) implements State {}

        /** Nothing to connect with; {@code why} says what to set. */
        record Unconfigured(String why) implements State {}
    }

    /** The identity of a client: equal keys reuse the client. Holds secrets: never log it. */
    private record Key(String url, SesCredentials credentials) {}

    private final SesSettings settings;
    private final CredentialSecrets secrets;
    private final SectionCache cache;
    private final Clock clock;
    private final List<SesClient> retired = new ArrayList<>();
    private Key key;
    private State.Ready ready;

    SesConnection(SesSettings settings, CredentialSecrets secrets, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.clock = clock;
        this.cache = SesCache.create(SectionTtls.defaults(), clock, settings.cacheEntries());
    }

    /** The shared section cache (fresh sections are not fetched again). */
    public SectionCache cache() {
        return cache;
    }

    /** The enricher for the current credential, or why there is none. */
    public State current() {
        var stored = secrets.newestOfKind(CREDENTIAL_KIND);
        Key wanted;
        String origin;
        try {
            if (stored.isPresent()) {
                var c = stored.get();
                String url = c.url() == null || c.url().isBlank() ? settings.url() : c.url().strip();
                SesCredentials credentials = c.username() == null || c.username().isBlank()
                        ? SesCredentials.ofOAuthCredentials(c.secret())
                        : SesCredentials.ofClientIdAndSecret(c.username(), c.secret());
                wanted = new Key(url, credentials);
                origin = "stored credential '" + c.name() + "'";
            } else {
                SesCredentials credentials = configured();
                if (credentials == null) {
                    return new State.Unconfigured("Symantec Threat Intelligence is not configured: set "
                            + "riposte.ses.client-id and riposte.ses.client-secret (RIPOSTE_SES_CLIENT_ID, "
                            + "RIPOSTE_SES_CLIENT_SECRET) or riposte.ses.oauth-credentials, or store a credential of "
                            + "kind SES through /api/v1/credentials");
                }
                wanted = new Key(settings.url(), credentials);
                origin = "riposte.ses settings";
            }
        } catch (IllegalArgumentException e) {
            // SesCredentials' messages name what is wrong with the value, never the value itself.
            return new State.Unconfigured("the SES credential is unusable: " + e.getMessage());
        }
        return readyFor(wanted, origin);
    }

    private SesCredentials configured() {
        if (present(settings.oauthCredentials())) return SesCredentials.ofOAuthCredentials(settings.oauthCredentials());
        if (present(settings.clientId()) || present(settings.clientSecret())) {
            return SesCredentials.ofClientIdAndSecret(settings.clientId(), settings.clientSecret());
        }
        return null;
    }

    private synchronized State readyFor(Key wanted, String origin) {
        if (ready != null && wanted.equals(key)) {
            return origin.equals(ready.origin()) ? ready : (ready = new State.Ready(ready.enricher(), origin));
        }
        SesClient client;
        try {
            client = build(wanted);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new State.Unconfigured("the SES connection settings are unusable: " + e.getMessage());
        }
        // A replaced client may still serve calls in flight: it is closed at shutdown, not now.
        if (ready != null) log.info("SES credential changed; now using the {}", origin);
        Enricher enricher = new Enricher(new SesThreatIntelSource(client), cache, new VerdictPolicy(), clock);
        retired.add(client);
        key = wanted;
        ready = new State.Ready(enricher, origin);
        return ready;
    }

    private SesClient build(Key k) {
        SesClient.Builder b = SesClient.builder().baseUrl(k.url()).credentials(k.credentials())
                .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout())
                .maxAttempts(settings.maxAttempts()).maxConcurrency(settings.maxConcurrency());
        if (settings.rateLimit() != null) b.rateLimit(settings.rateLimit());
        if (present(settings.proxy())) b.proxy(ProxySettings.parse(settings.proxy()));
        if (present(settings.caCert())) {
            b.trustedCertificates(java.nio.file.Path.of(settings.caCert().strip()), false);
        }
        return b.build();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public synchronized void destroy() {
        retired.forEach(SesClient::close);
        retired.clear();
        ready = null;
        key = null;
    }

    @Override
    public String toString() {
        return "SesConnection[" + Objects.requireNonNullElse(ready == null ? null : ready.origin(), "not connected")
                + "]";
    }
}
