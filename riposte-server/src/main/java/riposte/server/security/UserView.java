package riposte.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A user as the API shows it: never the password or its hash. */
public record UserView(long id, String username, String displayName, String email, Role role, boolean enabled,
        Instant createdAt, Instant updatedAt, long version) {

    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";

    /** {@code POST /api/v1/users}. The password is hashed at once and never stored or echoed in clear. */
    public record Create(
            @NotBlank @Pattern(regexp = NAME_PATTERN,
                    message = "must be 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
            String username,
            @Size(max = 200) String displayName,
            @Size(max = 320) String email,
            @NotBlank String role,
            @NotNull @Size(min = 12, max = 72, message = "must be 12 to 72 characters") String password) {

        @Override
        public String toString() {
            return "Create[username=" + username + ", role=" + role + ", password=(hidden)]";
        }
    }

    /** {@code PATCH /api/v1/users/{id}}: only the fields given change. */
    public record Update(
            @Size(max = 200) String displayName,
            @Size(max = 320) String email,
            String role,
            Boolean enabled,
            @Size(min = 12, max = 72, message = "must be 12 to 72 characters") String password,
            @NotNull Long version) {

        @Override
        public String toString() {
            return "Update[role=" + role + ", enabled=" + enabled + ", password=" + (password == null ? "-" : "(hidden)")
                    + ", version=" + version + "]";
        }
    }
}
