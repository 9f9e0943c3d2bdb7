package riposte.server.sepm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import riposte.server.credential.CredentialSecrets;
import riposte.symantec.http.ProxySettings;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmClientBuilder;
import riposte.symantec.sepm.SepmException;
import riposte.symantec.sepm.SepmVersion;

/**
 * The server's SEPM connections, by name: one per stored credential of kind {@code SEPM} (named by the credential),
 * plus the one of {@code riposte.sepm.*} when its URL is set (named {@code riposte.sepm.name}; a stored credential of
 * the same name wins). Each connection is a {@link SepmClient} (the CLI's: token reuse and refresh, retries, 429
 * back-off, TLS verified unless {@code insecure}), built once and reused while its settings stay the same, so its
 * token and rate governor survive between calls. Secrets are never logged.
 */
@Component
public class SepmConnections implements DisposableBean {
    static final String CREDENTIAL_KIND = "SEPM";
    private static final Logger log = LoggerFactory.getLogger(SepmConnections.class);

    /** A usable connection: its name, where it came from (never a secret) and its client. */
    public record Connection(String name, String origin, SepmClient client) {}

    /** What {@link #test} found: SEPM's version, or the exact error. */
    public record TestResult(String connection, boolean ok, String version, String apiVersion, String error) {}

    /** The settings a client is built from. Holds the password: never log it. */
    private record Spec(String name, String origin, String url, String username, String password, String domain,
            String caCertPem, String caCertFile, boolean insecure, String proxy) {
        @Override
        public String toString() {
            return "Spec[" + name + ", " + origin + "]";
        }
    }

    private record Built(Spec spec, Connection connection) {}

    private final SepmSettings settings;
    private final CredentialSecrets secrets;
    private final Map<String, Built> clients = new LinkedHashMap<>();
    private final List<SepmClient> retired = new ArrayList<>();

    SepmConnections(SepmSettings settings, CredentialSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The names of the connections configured now, in order (stored credentials by name, then the configured one). */
    public List<String> names() {
        return List.copyOf(specs().keySet());
    }

    /**
     * The connection named {@code name}; with no name, the only one there is.
     *
     * @throws SepmConnectionException (permanent) when there is none, the name is unknown, several exist and none is
     *     named, or the settings are unusable
     */
    public Connection resolve(String name) {
        Map<String, Spec> specs = specs();
        Spec spec;
        if (name == null || name.isBlank()) {
            if (specs.isEmpty()) {
                throw new SepmConnectionException("SEPM is not configured: store a credential of kind SEPM (Settings "
                        + "→ Credentials, or POST /api/v1/credentials with url, username, secret = password), or set "
                        + "riposte.sepm.url, riposte.sepm.username and riposte.sepm.password (RIPOSTE_SEPM_URL, "
                        + "RIPOSTE_SEPM_USERNAME, RIPOSTE_SEPM_PASSWORD)");
            }
            if (specs.size() > 1) {
                throw new SepmConnectionException("several SEPM connections are configured (" + String.join(", ",
                        specs.keySet()) + "): name one with the 'connection' input");
            }
            spec = specs.values().iterator().next();
        } else {
            spec = specs.get(name.strip());
            if (spec == null) {
                throw new SepmConnectionException("no SEPM connection named '" + name.strip() + "'; configured: "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())));
            }
        }
        return connection(spec);
    }

    /** Asks SEPM for its version over a fresh client for this stored credential (nothing cached is used). */
    public TestResult test(long credentialId) {
        var stored = secrets.byId(credentialId).orElseThrow(() ->
                new riposte.server.system.NotFoundException("credential", credentialId));
        Spec spec = spec(stored);
        try (SepmClient client = build(spec)) {
            SepmVersion v = client.version();
            return new TestResult(spec.name(), true, v.version(), v.apiVersion(), null);
        } catch (SepmException | SepmConnectionException e) {
            return new TestResult(spec.name(), false, null, null, e.getMessage());
        }
    }

    private Map<String, Spec> specs() {
        Map<String, Spec> out = new LinkedHashMap<>();
        for (var c : secrets.allOfKind(CREDENTIAL_KIND)) out.put(c.name(), spec(c));
        if (settings.configured() && !out.containsKey(settings.name())) {
            out.put(settings.name(), new Spec(settings.name(), "riposte.sepm settings", settings.url().strip(),
                    settings.username(), settings.password(), settings.domain(), null,
                    blank(settings.caCert()) ? null : settings.caCert().strip(), settings.insecure(), settings.proxy()));
        }
        return out;
    }

    private static Spec spec(CredentialSecrets.Stored c) {
        return new Spec(c.name(), "stored credential '" + c.name() + "'", c.url(), c.username(), c.secret(),
                c.loginDomain(), c.caCertificate(), null, false, c.proxy());
    }

    private synchronized Connection connection(Spec spec) {
        Built built = clients.get(spec.name());
        if (built != null && built.spec().equals(spec)) return built.connection();
        SepmClient client = build(spec);
        // A replaced client may still serve calls in flight: it is closed at shutdown, not now.
        if (built != null) {
            log.info("SEPM connection '{}' changed; now using the {}", spec.name(), spec.origin());
            retired.add(built.connection().client());
        }
        Connection connection = new Connection(spec.name(), spec.origin(), client);
        clients.put(spec.name(), new Built(spec, connection));
        return connection;
    }

    private SepmClient build(Spec spec) {
        if (blank(spec.url())) throw new SepmConnectionException("the SEPM connection '" + spec.name() + "' has no URL");
        if (blank(spec.username()) || blank(spec.password())) {
            throw new SepmConnectionException("the SEPM connection '" + spec.name() + "' needs a user name and a "
                    + "password");
        }
        URI uri;
        try {
            uri = URI.create(spec.url().strip());
        } catch (IllegalArgumentException e) {
            throw new SepmConnectionException("the SEPM connection '" + spec.name() + "' has URL '" + spec.url()
                    + "': expected one such as https://sepm.example.org:8446");
        }
        SepmClientBuilder b = SepmClient.builder().baseUrl(uri)
                .credentials(spec.username(), spec.password(), spec.domain() == null ? "" : spec.domain().strip())
                .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout())
                .maxAttempts(settings.maxAttempts()).insecure(spec.insecure());
        Path pemFile = null;
        try {
            if (!blank(spec.proxy())) b.proxy(ProxySettings.parse(spec.proxy()));
            if (spec.caCertFile() != null) b.trustedCertificates(Path.of(spec.caCertFile()));
            if (spec.caCertPem() != null) {
                // The client's TLS set-up reads certificates from a file while it is built; a certificate is not a
                // secret, and the file is gone once the client exists.
                pemFile = Files.createTempFile("riposte-sepm-", ".pem");
                Files.writeString(pemFile, spec.caCertPem());
                b.trustedCertificates(pemFile);
            }
            return b.build();
        } catch (SepmException | IllegalArgumentException | IllegalStateException e) {
            throw new SepmConnectionException("the SEPM connection '" + spec.name() + "' is unusable: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SEPM certificate to a temporary file", e);
        } finally {
            if (pemFile != null) {
                try {
                    Files.deleteIfExists(pemFile);
                } catch (IOException e) {
                    log.warn("could not delete the temporary certificate file {}", pemFile);
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public synchronized void destroy() {
        clients.values().forEach(b -> b.connection().client().close());
        retired.forEach(SepmClient::close);
        clients.clear();
        retired.clear();
    }

    @Override
    public String toString() {
        return "SepmConnections" + Objects.requireNonNullElse(clients.keySet(), List.of());
    }

    /** No usable SEPM connection: the message says what to set. */
    public static final class SepmConnectionException extends RuntimeException {
        SepmConnectionException(String message) {
            super(message);
        }
    }
}
