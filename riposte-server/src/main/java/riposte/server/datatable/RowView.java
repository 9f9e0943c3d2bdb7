package riposte.server.datatable;

import java.time.Instant;
import java.util.Map;

/** A row: {@code cells} maps column names to values (string, number, boolean, or ISO-8601 UTC datetime string). */
public record RowView(long id, long incidentId, long tableId, Map<String, Object> cells, Instant createdAt,
        Instant updatedAt, long version) {}
