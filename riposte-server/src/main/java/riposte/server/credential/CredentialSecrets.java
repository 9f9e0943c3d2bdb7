package riposte.server.credential;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.system.NotFoundException;

/**
 * The one way to get a secret in clear, for the server's own integrations (SES, SEPM, mailboxes): never exposed over
 * HTTP. Callers must not log what it returns.
 */
@Component
public class CredentialSecrets {
    private final CredentialRepository credentials;
    private final SecretCipher cipher;

    CredentialSecrets(CredentialRepository credentials, SecretCipher cipher) {
        this.credentials = credentials;
        this.cipher = cipher;
    }

    /**
     * @throws NotFoundException when there is no credential with that name
     * @throws SecretKeyMismatchException when the configured key cannot decrypt it
     */
    @Transactional(readOnly = true)
    public String secret(String name) {
        long id = credentials.idOf(name).orElseThrow(() -> new NotFoundException(CredentialService.KIND, name));
        return cipher.open(name, credentials.sealed(id));
    }

    /** A stored credential in clear: {@link #toString()} hides the secret. */
    public record Stored(String name, String url, String username, String secret, String loginDomain,
            String caCertificate, String proxy) {
        public Stored(String name, String url, String username, String secret) {
            this(name, url, username, secret, null, null, null);
        }

        @Override
        public String toString() {
            return "Stored[name=" + name + ", url=" + url + ", username=" + username + ", secret=(hidden)]";
        }
    }

    /**
     * Every credential of {@code kind}, by name, in clear.
     *
     * @throws SecretKeyMismatchException when the configured key cannot decrypt one
     */
    @Transactional(readOnly = true)
    public java.util.List<Stored> allOfKind(String kind) {
        return credentials.allOfKind(kind).stream().map(this::open).toList();
    }

    /**
     * The credential with this id, in clear, or empty.
     *
     * @throws SecretKeyMismatchException when the configured key cannot decrypt it
     */
    @Transactional(readOnly = true)
    public Optional<Stored> byId(long id) {
        return credentials.get(id).map(this::open);
    }

    private Stored open(CredentialView c) {
        return new Stored(c.name(), c.url(), c.username(), cipher.open(c.name(), credentials.sealed(c.id())),
                c.loginDomain(), c.caCertificate(), c.proxy());
    }

    /**
     * The most recently updated credential of {@code kind} (e.g. {@code SES}), in clear, or empty when there is none.
     *
     * @throws SecretKeyMismatchException when the configured key cannot decrypt it
     */
    @Transactional(readOnly = true)
    public Optional<Stored> newestOfKind(String kind) {
        return credentials.newestOfKind(kind).map(this::open);
    }
}
