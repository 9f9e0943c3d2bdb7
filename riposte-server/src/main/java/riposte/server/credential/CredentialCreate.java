package riposte.server.credential;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new credential; {@link #toString()} hides the secret. */
public record CredentialCreate(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._:@-]*",
                message = "must start with a letter or digit and contain only letters, digits, space and . _ : @ -")
        String name,
        @NotBlank String kind,
        @Size(max = 2000) String url,
        @Size(max = 200) String username,
        @Size(max = 2000) String description,
        @NotNull(message = "is required") @Size(min = 1, max = 4000, message = "must be 1 to 4000 characters") String secret,
        @Size(max = 200) String loginDomain,
        @Size(max = 20000) String caCertificate,
        @Size(max = 2000) String proxy) {

    /** A credential without the SEPM options. */
    public CredentialCreate(String name, String kind, String url, String username, String description, String secret) {
        this(name, kind, url, username, description, secret, null, null, null);
    }

    @Override
    public String toString() {
        return "CredentialCreate[name=" + name + ", kind=" + kind + ", url=" + url + ", username=" + username
                + ", secret=(hidden)]";
    }
}
