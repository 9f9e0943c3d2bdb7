package riposte.server.datatable;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.incident.IncidentRefs;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * Row use cases: values checked against the column types; each change and its audit entry commit together. Public
 * for the web console.
 */
@Service
public class RowService {
    static final String KIND = "data-table-row";
    static final int MAX_EXPORT_ROWS = 100_000;
    private final RowRepository rows;
    private final DefinitionService definitions;
    private final IncidentRefs incidents;
    private final AuditLog audit;
    private final Clock clock;

    RowService(RowRepository rows, DefinitionService definitions, IncidentRefs incidents, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.definitions = definitions;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of rows by page number; see {@link #list(long, String, List, String, PageQuery, Long)}. */
    public PageResponse<RowView> list(long incidentId, String table, List<String> filters, String sort, PageQuery page) {
        return list(incidentId, table, filters, sort, page, null);
    }

    /**
     * A page of rows, from {@code page} or, when {@code after} is given, the rows after that id (keyset). No
     * transaction: each statement reads committed data anyway, and leaving out BEGIN/COMMIT saves two round trips
     * on every page (see docs/benchmarks.md). An unfiltered page reads its total in the same statement; the incident
     * is checked only when the page is empty.
     */
    public PageResponse<RowView> list(long incidentId, String table, List<String> filters, String sort, PageQuery page,
            Long after) {
        RowQuery q = RowQuery.of(definitions.get(table), incidentId, filters, sort, after);
        RowRepository.Page found = rows.page(q, page.size(), after == null ? page.offset() : 0);
        if (found.items().isEmpty()) incidents.requireExists(incidentId);
        return PageResponse.of(found.items(), page, found.total() >= 0 ? found.total() : rows.count(q));
    }

    /** The definition and every matching row (at most {@value #MAX_EXPORT_ROWS}), for CSV export. */
    @Transactional(readOnly = true)
    Export export(long incidentId, String table, List<String> filters, String sort) {
        incidents.requireExists(incidentId);
        DefinitionView definition = definitions.get(table);
        return new Export(definition, rows.find(RowQuery.of(definition, incidentId, filters, sort), MAX_EXPORT_ROWS, 0));
    }

    /**
     * What changes when a row of the table is added, changed or deleted on the incident: lets the console poll
     * cheaply for new rows (one indexed aggregate) and re-render only when something changed.
     */
    @Transactional(readOnly = true)
    public RowStamp stamp(long incidentId, long tableId) {
        return rows.stamp(tableId, incidentId);
    }

    /** The number of rows and the latest change (insert or update) of one table on one incident. */
    public record RowStamp(long count, Instant lastChange) {
        /** A short opaque form for a URL parameter. */
        public String token() {
            return count + "." + (lastChange == null ? 0 : lastChange.toEpochMilli() * 1000
                    + lastChange.getNano() / 1000 % 1000);
        }
    }

    record Export(DefinitionView table, List<RowView> rows) {}

    @Transactional(readOnly = true)
    public RowView get(long incidentId, String table, long id) {
        return rows.get(definitions.get(table).id(), incidentId, id).orElseThrow(() -> new NotFoundException("row", id));
    }

    @Transactional
    RowView create(String actor, long incidentId, String table, RowWrite w) {
        incidents.requireExists(incidentId);
        DefinitionView definition = definitions.get(table);
        Map<String, Object> values = Cells.merge(definition, Map.of(), w.cells());
        RowView created = rows.get(definition.id(), incidentId,
                rows.insert(definition.id(), incidentId, values, Sql.now(clock))).orElseThrow();
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    RowView update(String actor, long incidentId, String table, long id, RowWrite w) {
        if (w.version() == null) throw new InvalidFieldException("version", "is required: the version you last read");
        DefinitionView definition = definitions.get(table);
        RowView before = get(incidentId, table, id);
        if (before.version() != w.version()) throw new VersionConflictException(KIND, id, w.version());
        Map<String, Object> values = Cells.merge(definition, typed(definition, before.cells()), w.cells());
        if (!rows.update(id, values, Sql.now(clock), w.version())) throw new VersionConflictException(KIND, id, w.version());
        RowView after = get(incidentId, table, id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    @Transactional
    void delete(String actor, long incidentId, String table, long id) {
        RowView before = get(incidentId, table, id);
        rows.delete(before);
        audit.record(actor, "delete", KIND, id, before, null);
    }

    /** Stored values back to their types (datetimes are strings in JSON); values of removed columns are dropped. */
    private static Map<String, Object> typed(DefinitionView table, Map<String, Object> cells) {
        var out = new LinkedHashMap<String, Object>();
        cells.forEach((name, v) -> {
            Column c = table.column(name);
            if (c != null) out.put(name, c.columnType() == ColumnType.DATETIME ? Instant.parse(v.toString()) : v);
        });
        return out;
    }
}
