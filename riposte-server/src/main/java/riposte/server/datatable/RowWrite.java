package riposte.server.datatable;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A new row (POST) or a change (PATCH: the given cells replace those values, null clears one; version required). */
record RowWrite(@NotNull(message = "is required: an object of column name to value") Map<String, JsonNode> cells,
        Long version) {}
