package riposte.server.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change; absent fields stay as they are, {@code secret} replaces the secret. {@link #toString()} hides it. */
public record CredentialUpdate(
        @Size(min = 1, max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._:@-]*",
                message = "must start with a letter or digit and contain only letters, digits, space and . _ : @ -")
        String name,
        String kind,
        @Size(max = 2000) String url,
        @Size(max = 200) String username,
        @Size(max = 2000) String description,
        @Size(min = 1, max = 4000, message = "must be 1 to 4000 characters") String secret,
        @NotNull(message = "is required: the version you last read") Long version,
        @Size(max = 200) String loginDomain,
        @Size(max = 20000) String caCertificate,
        @Size(max = 2000) String proxy) {

    /** A change that leaves the SEPM options as they are. */
    public CredentialUpdate(String name, String kind, String url, String username, String description, String secret,
            Long version) {
        this(name, kind, url, username, description, secret, version, null, null, null);
    }

    @Override
    public String toString() {
        return "CredentialUpdate[name=" + name + ", kind=" + kind + ", secret=" + (secret == null ? "(unchanged)"
                : "(hidden)") + ", version=" + version + "]";
    }
}
