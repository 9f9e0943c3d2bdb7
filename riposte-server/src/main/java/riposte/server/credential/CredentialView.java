package riposte.server.credential;

import java.time.Instant;

/**
 * A credential as the API returns it: everything except the secret, of which only its presence is shown. For a SEPM
 * credential, {@code loginDomain} is the SEPM domain to log in to (empty: the default), {@code caCertificate} the PEM
 * of the CA that signed SEPM's certificate or of that certificate itself (pinned; a certificate is not a secret),
 * and {@code proxy} an HTTP proxy ({@code host:port}, no password).
 */
public record CredentialView(long id, String name, CredentialKind kind, String url, String username, String description,
        boolean secretSet, Instant createdAt, Instant updatedAt, long version, String loginDomain,
        String caCertificate, String proxy) {}
