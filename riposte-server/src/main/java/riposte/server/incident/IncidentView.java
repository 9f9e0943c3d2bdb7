package riposte.server.incident;

import java.time.Instant;

/** An incident as the API returns it; {@code version} must be sent back with an update. */
public record IncidentView(long id, String name, String description, String type, Severity severity, IncidentStatus status,
        String owner, Instant createdAt, Instant updatedAt, Instant closedAt, long version, long artifactCount) {}
