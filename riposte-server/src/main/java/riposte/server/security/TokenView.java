package riposte.server.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An API token as listed: its name, owner and the first characters to recognise it; never the token or its hash. */
public record TokenView(long id, String name, String owner, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, boolean revoked) {

    /**
     * {@code POST /api/v1/tokens}. {@code owner} (admins only) creates the token for another user; the expiry is
     * {@code expiresAt} or {@code expiresInDays} from now, or none.
     */
    public record Create(@NotBlank @Size(max = 200) String name, Instant expiresAt,
            @Min(1) @Max(3650) Integer expiresInDays, @Size(max = 100) String owner) {}

    /** The answer to a creation: the only time the token itself is shown. */
    public record Created(long id, String name, String owner, String prefix, Instant createdAt, Instant expiresAt,
            String token) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", prefix=" + prefix + ", token=(hidden)]";
        }
    }
}
