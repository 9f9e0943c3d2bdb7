package riposte.server.credential;

import java.time.Instant;

/** A credential as the API returns it: everything except the secret, of which only its presence is shown. */
public record CredentialView(long id, String name, CredentialKind kind, String url, String username, String description,
        boolean secretSet, Instant createdAt, Instant updatedAt, long version) {}
