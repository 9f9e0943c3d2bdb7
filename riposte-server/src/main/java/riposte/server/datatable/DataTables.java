package riposte.server.datatable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-table rows for other server features (playbook ports): find a row's incident, and add or update a row by a
 * key, validated against the column types exactly as the REST API validates it.
 */
@Component
public class DataTables {
    private static final int MAX_KEY = 500;
    private final RowService rows;
    private final RowRepository repository;
    private final DefinitionService definitions;
    private final JsonMapper json;

    DataTables(RowService rows, RowRepository repository, DefinitionService definitions, JsonMapper json) {
        this.rows = rows;
        this.repository = repository;
        this.definitions = definitions;
        this.json = json;
    }

    /** The incident a row belongs to. */
    @Transactional(readOnly = true)
    public Optional<Long> incidentOf(long rowId) {
        return repository.incidentOf(rowId);
    }

    /**
     * Adds a row to {@code table} of the incident, or, when {@code key} is given and a row of that table and incident
     * already carries it, updates that row's given cells. Returns the row id.
     *
     * @throws riposte.server.system.InvalidFieldException when a value does not fit its column or the key is too long
     */
    @Transactional
    public long upsert(String actor, long incidentId, String table, String key, Map<String, Object> values) {
        if (key != null && key.length() > MAX_KEY) {
            throw new riposte.server.system.InvalidFieldException("key", "must be at most " + MAX_KEY + " characters");
        }
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        values.forEach((column, value) -> cells.put(column, json.valueToTree(value)));
        long tableId = definitions.get(table).id();
        Optional<Long> existing = key == null ? Optional.empty() : repository.idByKey(tableId, incidentId, key);
        if (existing.isPresent()) {
            RowView before = rows.get(incidentId, table, existing.get());
            return rows.update(actor, incidentId, table, before.id(), new RowWrite(cells, before.version())).id();
        }
        long id = rows.create(actor, incidentId, table, new RowWrite(cells, null)).id();
        if (key != null) repository.setKey(id, key);
        return id;
    }
}
