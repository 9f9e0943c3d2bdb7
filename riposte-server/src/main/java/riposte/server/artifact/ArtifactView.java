package riposte.server.artifact;

import java.time.Instant;

/** An artifact as the API returns it; {@code type} is an indicator type id such as {@code sha256} or {@code domain}. */
public record ArtifactView(long id, long incidentId, String type, String value, String description, String source,
        boolean allowListed, String allowListReason, Instant createdAt, Instant updatedAt, long version) {}
