package riposte.server.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One audit record as the API shows it; {@code before} and {@code after} are the JSON views of the object. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String objectType, String objectId,
        JsonNode before, JsonNode after) {}
