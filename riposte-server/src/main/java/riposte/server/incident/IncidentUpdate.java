package riposte.server.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update: fields left out (or null) keep their value. {@code version} is the version the client last read;
 * if the incident changed since, the update is refused with a 409.
 */
public record IncidentUpdate(
        @Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 100_000) String description,
        @Size(min = 1, max = 100) String type,
        String severity,
        String status,
        @Size(max = 100) String owner,
        String tlp,
        @NotNull Long version) {

    /** Leaving the TLP as it is. */
    public IncidentUpdate(String name, String description, String type, String severity, String status, String owner,
            Long version) {
        this(name, description, type, severity, status, owner, null, version);
    }
}
