package riposte.server.incident;

import java.time.Instant;

/**
 * An incident as the API returns it; {@code version} must be sent back with an update; {@code tlp} is its TLP 2.0
 * label such as {@code TLP:AMBER}.
 */
public record IncidentView(long id, String name, String description, String type, Severity severity, IncidentStatus status,
        String owner, String tlp, Instant createdAt, Instant updatedAt, Instant closedAt, long version,
        long artifactCount) {

    /** The TLP level. */
    public riposte.core.interchange.Tlp level() {
        return riposte.core.interchange.Tlp.parse(tlp).orElseThrow();
    }
}
