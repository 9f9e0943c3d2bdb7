package riposte.server.datatable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.system.Sql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Row rows (values as JSON) and their typed cells (for filtering and sorting), always written together, and the row
 * count per incident and table ({@code data_table_row_counts}), kept in the same transaction as every insert and
 * delete so that an unfiltered page does not count its rows, with a change count moved by each of them (see
 * {@link PageBoundaries}: numbered pages in id order start from cached boundaries while it has not moved).
 */
@Repository
class RowRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** A savepoint in the caller's transaction, for the one insert that may lose a race ({@link #ensureCount}). */
    private final TransactionTemplate savepoint;
    private final PageBoundaries boundaries;

    RowRepository(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, PageBoundaries boundaries) {
        this.jdbc = jdbc;
        this.json = json;
        this.boundaries = boundaries;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    List<RowView> find(RowQuery q, long limit, long offset) {
        return find(q, "", limit, offset, this::map);
    }

    /** A page of rows and the number of matching rows; -1 when that is not known (a filtered or an empty page). */
    record Page(List<RowView> items, long total) {}

    /** The kept row count and change count of the query's table and incident, as extra columns of a page read. */
    private static final String TOTAL = ", (select c.row_count from data_table_row_counts c where c.incident_id ="
            + " :incident and c.definition_id = :table) as total_items";
    private static final String CHANGES = ", (select c.changes from data_table_row_counts c where c.incident_id ="
            + " :incident and c.definition_id = :table) as changes";

    /**
     * A page of rows; when nothing is filtered, the kept row count comes with it in the same statement (a scalar
     * subquery), which saves a round trip per page. A numbered page past the first {@value PageBoundaries#EVERY}
     * rows in id order starts from its cached boundary (see {@link PageBoundaries}) when the table has not changed.
     */
    Page page(RowQuery q, long limit, long offset) {
        if (q.filtered()) return new Page(find(q, limit, offset), -1);
        if (q.numbered() && offset >= PageBoundaries.EVERY) return numbered(q, limit, offset);
        return read(q, false, limit, offset).page();
    }

    /**
     * One statement in the common case: the rows from the page's boundary on, skipping fewer than
     * {@value PageBoundaries#EVERY}, with the row count and the change count read in the same snapshot. The rows are
     * the page if that change count is the boundaries'; otherwise the offset query answers, and answers alone while
     * the boundaries are known to be out of date (the change count only grows).
     */
    private Page numbered(RowQuery q, long limit, long offset) {
        var key = new PageBoundaries.Key(q.incidentId(), q.tableId());
        PageBoundaries.Entry known = boundaries.get(key);
        if (known != null && known.current() && known.covers(offset)) {
            Read fast = read(q.from(known.from(offset)), true, limit, offset % PageBoundaries.EVERY);
            if (!fast.items().isEmpty() && fast.changes() == known.changes()) return fast.page();
        }
        Read slow = read(q, true, limit, offset);
        if (!slow.items().isEmpty()) boundaries.missed(key, known, slow.changes(), () -> boundaries(key));
        return slow.page();
    }

    /** Rows with the kept counts read by the same statement (unknown, -1, when no row came back). */
    private record Read(List<RowView> items, long total, long changes) {
        Page page() {
            return new Page(items, total);
        }
    }

    private Read read(RowQuery q, boolean withChanges, long limit, long offset) {
        long[] kept = {-1, -1};
        List<RowView> items = find(q, withChanges ? TOTAL + CHANGES : TOTAL, limit, offset, (rs, n) -> {
            kept[0] = rs.getLong("total_items");
            if (withChanges) {
                long changes = rs.getLong("changes");
                kept[1] = rs.wasNull() ? -1 : changes; // no counter: matches no boundaries
            }
            return map(rs, n);
        });
        return new Read(items, kept[0], kept[1]);
    }

    /**
     * The change count of the table in the incident and the id of every {@value PageBoundaries#EVERY}th row, from one
     * snapshot (one statement); null when the table has no row counter (no row was ever added).
     */
    private PageBoundaries.Entry boundaries(PageBoundaries.Key key) {
        long[] changes = {-1};
        List<Long> ids = jdbc.sql("""
                select c.changes, b.id from data_table_row_counts c
                left join (select r.id, row_number() over (order by r.id) as n from data_table_rows r
                    where r.incident_id = :incident and r.definition_id = :table) b
                    on mod(b.n - 1, %d) = 0
                where c.incident_id = :incident and c.definition_id = :table
                order by b.id""".formatted(PageBoundaries.EVERY))
                .param("incident", key.incidentId()).param("table", key.tableId())
                .query((rs, n) -> {
                    changes[0] = rs.getLong("changes");
                    long id = rs.getLong("id");
                    return rs.wasNull() ? null : id;
                }).list();
        if (changes[0] < 0) return null;
        return new PageBoundaries.Entry(changes[0], ids.stream().filter(Objects::nonNull)
                .mapToLong(Long::longValue).toArray());
    }

    private List<RowView> find(RowQuery q, String extraColumns, long limit, long offset, RowMapper<RowView> mapper) {
        if (q.idOrder() && offset > 0) {
            // Deferred join: the offset is walked on the (incident, table, id) index alone (an index-only scan on
            // PostgreSQL), and only the rows of the page are read from the table.
            return jdbc.sql("select r.*" + extraColumns + " from data_table_rows r join (select r.id" + q.from()
                            + q.orderBy() + " limit :limit offset :offset) p on p.id = r.id" + q.orderBy())
                    .params(q.params()).param("limit", limit).param("offset", offset).query(mapper).list();
        }
        return jdbc.sql("select r.*" + extraColumns + q.from() + q.orderBy() + " limit :limit offset :offset")
                .params(q.params()).param("limit", limit).param("offset", offset).query(mapper).list();
    }

    /** Matching rows: the kept count when nothing is filtered, else counted. */
    long count(RowQuery q) {
        if (!q.filtered()) {
            return jdbc.sql("""
                    select row_count from data_table_row_counts where incident_id = :incident and definition_id = :table""")
                    .params(q.params()).query(Long.class).optional().orElse(0L);
        }
        return jdbc.sql("select count(*)" + q.countFrom()).params(q.params()).query(Long.class).single();
    }

    RowService.RowStamp stamp(long tableId, long incidentId) {
        // two index-only lookups (ix_data_table_rows_page, ix_data_table_rows_changed): an insert changes the count
        // and the latest change, a delete the count, an update the latest change
        return jdbc.sql("""
                select (select count(*) from data_table_rows where definition_id = :table and incident_id = :incident) as n,
                    (select max(updated_at) from data_table_rows where definition_id = :table and incident_id = :incident)
                        as last_change""")
                .param("table", tableId).param("incident", incidentId)
                .query((rs, i) -> new RowService.RowStamp(rs.getLong("n"), Sql.instant(rs, "last_change")))
                .single();
    }

    Optional<RowView> get(long tableId, long incidentId, long id) {
        return jdbc.sql("select * from data_table_rows where id = :id and definition_id = :table and incident_id = :incident")
                .param("id", id).param("table", tableId).param("incident", incidentId).query(this::map).optional();
    }

    long insert(long tableId, long incidentId, Map<String, Object> values, Instant at) {
        // The counter must exist before the row goes in: the row's foreign key takes a share lock on the incident,
        // and two first inserts each holding that share lock while asking for the incident's update lock (to create
        // the counter) deadlock on PostgreSQL.
        ensureCount(tableId, incidentId);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into data_table_rows (definition_id, incident_id, cells_json, created_at, updated_at, version)
                values (:table, :incident, :cells, :at, :at, 0)""")
                .param("table", tableId).param("incident", incidentId)
                .param("cells", json.writeValueAsString(Cells.forJson(values))).param("at", Sql.ts(at))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertCells(id, values);
        if (!updateCount(tableId, incidentId, 1)) throw new IllegalStateException("no row counter for table " + tableId);
        return id;
    }

    boolean update(long id, Map<String, Object> values, Instant at, long expectedVersion) {
        boolean updated = jdbc.sql("""
                update data_table_rows set cells_json = :cells, updated_at = :at, version = version + 1
                where id = :id and version = :version""")
                .param("cells", json.writeValueAsString(Cells.forJson(values))).param("at", Sql.ts(at))
                .param("id", id).param("version", expectedVersion).update() == 1;
        if (updated) {
            jdbc.sql("delete from data_table_cells where row_id = :id").param("id", id).update();
            insertCells(id, values);
        }
        return updated;
    }

    /** The incident of row {@code id}, whatever its table. */
    Optional<Long> incidentOf(long id) {
        return jdbc.sql("select incident_id from data_table_rows where id = :id").param("id", id).query(Long.class)
                .optional();
    }

    /** The row of the table and incident that carries {@code key} (set by a playbook step). */
    Optional<Long> idByKey(long tableId, long incidentId, String key) {
        return jdbc.sql("""
                select min(id) from data_table_rows where definition_id = :table and incident_id = :incident
                    and row_key = :key""")
                .param("table", tableId).param("incident", incidentId).param("key", key)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1)).optional();
    }

    void setKey(long id, String key) {
        jdbc.sql("update data_table_rows set row_key = :key where id = :id").param("key", key).param("id", id).update();
    }

    void delete(RowView row) {
        if (jdbc.sql("delete from data_table_rows where id = :id").param("id", row.id()).update() == 1) {
            if (!updateCount(row.tableId(), row.incidentId(), -1)) ensureCount(row.tableId(), row.incidentId());
        }
    }

    /**
     * Creates the kept row count of a table in an incident if it does not exist yet, under a lock on the incident row
     * so that two first inserts cannot both create it (portable: no upsert syntax is shared by H2 and PostgreSQL).
     * Called before this transaction inserts a row of that incident, so it holds no share lock on the incident yet.
     */
    private void ensureCount(long tableId, long incidentId) {
        if (countExists(tableId, incidentId)) return;
        jdbc.sql("select id from incidents where id = :incident for update").param("incident", incidentId)
                .query(Long.class).optional();
        if (countExists(tableId, incidentId)) return;
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("""
                    insert into data_table_row_counts (incident_id, definition_id, row_count)
                    select :incident, :table, count(*) from data_table_rows
                    where incident_id = :incident and definition_id = :table""")
                    .param("incident", incidentId).param("table", tableId).update());
        } catch (DuplicateKeyException createdMeanwhile) {
            // The lock above serialises creators on PostgreSQL; H2 was seen (rarely, under load) to let a second
            // creator through. The counter exists either way, and only the savepoint was rolled back.
        }
    }

    private boolean countExists(long tableId, long incidentId) {
        return jdbc.sql("select 1 from data_table_row_counts where incident_id = :incident and definition_id = :table")
                .param("incident", incidentId).param("table", tableId).query(Integer.class).optional().isPresent();
    }

    private boolean updateCount(long tableId, long incidentId, int delta) {
        return jdbc.sql("""
                update data_table_row_counts set row_count = row_count + :delta, changes = changes + 1
                where incident_id = :incident and definition_id = :table""")
                .param("delta", delta).param("incident", incidentId).param("table", tableId).update() == 1;
    }

    private void insertCells(long rowId, Map<String, Object> values) {
        for (Cells.Typed c : Cells.typed(values)) {
            jdbc.sql("""
                    insert into data_table_cells (row_id, column_name, text_value, number_value, time_value)
                    values (:row, :column, :text, :number, :time)""")
                    .param("row", rowId).param("column", c.column()).param("text", c.text())
                    .param("number", c.number()).param("time", Sql.ts(c.time())).update();
        }
    }

    private RowView map(ResultSet rs, int row) throws SQLException {
        JsonNode tree = json.readTree(rs.getString("cells_json"));
        var cells = new LinkedHashMap<String, Object>();
        for (var field : tree.properties()) {
            JsonNode v = field.getValue();
            cells.put(field.getKey(), v.isNumber() ? Cells.number(v.decimalValue()) : v.isBoolean() ? v.booleanValue()
                    : v.asString());
        }
        return new RowView(rs.getLong("id"), rs.getLong("incident_id"), rs.getLong("definition_id"), cells,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
