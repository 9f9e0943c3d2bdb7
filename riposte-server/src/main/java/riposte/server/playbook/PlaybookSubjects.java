package riposte.server.playbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookSubject;
import riposte.server.allowlist.AllowListEntryView;
import riposte.server.allowlist.AllowListService;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the object a playbook sees (its CEL map) from the database, for every {@link ObjectKind}. In the server an
 * {@link ObjectRef} id is the database id of the object (for rows: the row id, with {@code table} the data-table
 * definition name). This is a read-only projection of the feature tables made for CEL (the features' own views are
 * API shapes), so it reads them directly rather than through their services.
 *
 * <ul>
 *   <li>indicator: {@code id, type, value, verdict, confidence, tags, attributes} (attribute name → value),
 *       {@code allowlisted, allowlistReason}</li>
 *   <li>artifact: {@code id, incidentId, type, value, description, source, allowListed} (the artifact's stored
 *       flag), {@code allowlisted, allowlistReason}</li>
 *   <li>incident: {@code id, name, description, type, severity, status, owner}</li>
 *   <li>row: its cells by column name, plus {@code _id}, {@code _incidentId} and {@code _table}</li>
 * </ul>
 *
 * {@code allowlisted} is true when the allow-list matches the value now (or, for an artifact, when it was flagged);
 * {@code allowlistReason} says why, or is empty. Response playbooks must refuse to act when it is true.
 */
@Component
class PlaybookSubjects {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AllowListService allowList;

    PlaybookSubjects(JdbcClient jdbc, JsonMapper json, AllowListService allowList) {
        this.jdbc = jdbc;
        this.json = json;
        this.allowList = allowList;
    }

    /** The object, or empty when it does not exist (or, for a row, is not in the named table). */
    @Transactional(readOnly = true)
    Optional<PlaybookSubject> load(ObjectRef ref) {
        long id = databaseId(ref);
        Optional<Map<String, Object>> data = switch (ref.kind()) {
            case INDICATOR -> indicator(id).map(this::withAllowList);
            case ARTIFACT -> jdbc.sql("select * from artifacts where id = :id").param("id", id)
                    .query(PlaybookSubjects::artifact).optional().map(this::withAllowList);
            case INCIDENT -> jdbc.sql("select * from incidents where id = :id").param("id", id)
                    .query(PlaybookSubjects::incident).optional();
            case ROW -> row(id, ref.table());
        };
        return data.map(d -> new PlaybookSubject(ref, d));
    }

    /**
     * Objects of {@code kind} (rows: of data table {@code table}), oldest first, at most {@code limit}: what a
     * scheduled playbook looks at.
     */
    @Transactional(readOnly = true)
    List<ObjectRef> all(ObjectKind kind, String table, int limit) {
        String sql = switch (kind) {
            case INDICATOR -> "select id from indicators order by id limit :limit";
            case ARTIFACT -> "select id from artifacts order by id limit :limit";
            case INCIDENT -> "select id from incidents order by id limit :limit";
            case ROW -> "select r.id from data_table_rows r join data_table_definitions d on d.id = r.definition_id"
                    + " where d.name = :table order by r.id limit :limit";
        };
        var spec = jdbc.sql(sql).param("limit", limit);
        if (kind == ObjectKind.ROW) spec = spec.param("table", table);
        return spec.query(Long.class).list().stream().map(id -> new ObjectRef(kind, table, String.valueOf(id))).toList();
    }

    /** The numeric id, or a 400 naming {@code object.id}. */
    static long databaseId(ObjectRef ref) {
        try {
            return Long.parseLong(ref.id().strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("object.id", "'" + ref.id() + "' is not a " + ref.kind().variable()
                    + " id: expected the object's numeric database id");
        }
    }

    private Optional<Map<String, Object>> indicator(long id) {
        return jdbc.sql("select * from indicators where id = :id").param("id", id).query((rs, i) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getLong("id"));
            m.put("type", rs.getString("indicator_type"));
            m.put("value", rs.getString("indicator_value"));
            m.put("verdict", rs.getString("verdict"));
            m.put("confidence", rs.getLong("confidence"));
            return m;
        }).optional().map(m -> {
            m.put("tags", jdbc.sql("select tag from indicator_tags where indicator_id = :id order by tag")
                    .param("id", id).query(String.class).list());
            Map<String, Object> attributes = new LinkedHashMap<>();
            jdbc.sql("""
                    select d.name, v.attribute_value from attribute_values v
                    join attribute_definitions d on d.id = v.definition_id where v.indicator_id = :id order by d.name""")
                    .param("id", id).query((rs, i) -> attributes.put(rs.getString(1), rs.getString(2))).list();
            m.put("attributes", attributes);
            return m;
        });
    }

    private static Map<String, Object> artifact(ResultSet rs, int i) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        m.put("incidentId", rs.getLong("incident_id"));
        m.put("type", rs.getString("indicator_type"));
        m.put("value", rs.getString("artifact_value"));
        m.put("description", nonNull(rs.getString("description")));
        m.put("source", nonNull(rs.getString("source")));
        m.put("allowListed", rs.getBoolean("allow_listed"));
        m.put("_allowListReason", nonNull(rs.getString("allow_list_reason"))); // taken out by withAllowList
        return m;
    }

    /** Adds {@code allowlisted} and {@code allowlistReason} to an indicator's or artifact's map. */
    private Map<String, Object> withAllowList(Map<String, Object> m) {
        boolean flagged = Boolean.TRUE.equals(m.get("allowListed"));
        String reason = flagged ? String.valueOf(m.remove("_allowListReason")) : allowList
                .match(String.valueOf(m.get("type")), String.valueOf(m.get("value")))
                .map(AllowListEntryView::because).orElse("");
        m.remove("_allowListReason");
        m.put("allowlisted", flagged || !reason.isEmpty());
        m.put("allowlistReason", reason);
        return m;
    }

    private static Map<String, Object> incident(ResultSet rs, int i) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        m.put("name", rs.getString("name"));
        m.put("description", nonNull(rs.getString("description")));
        m.put("type", rs.getString("incident_type"));
        m.put("severity", rs.getString("severity"));
        m.put("status", rs.getString("status"));
        m.put("owner", nonNull(rs.getString("owner")));
        m.put("createdAt", String.valueOf(Sql.instant(rs, "created_at")));
        return m;
    }

    private Optional<Map<String, Object>> row(long id, String table) {
        if (table == null || table.isBlank()) {
            throw new InvalidFieldException("object.table", "is required for a row: the data-table name, e.g. sep_groups");
        }
        return jdbc.sql("""
                select r.id, r.incident_id, r.cells_json, d.name from data_table_rows r
                join data_table_definitions d on d.id = r.definition_id where r.id = :id and d.name = :table""")
                .param("id", id).param("table", table).query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>(json.readValue(rs.getString("cells_json"), MAP));
                    m.put("_id", rs.getLong("id"));
                    m.put("_incidentId", rs.getLong("incident_id"));
                    m.put("_table", rs.getString("name"));
                    return m;
                }).optional();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The kinds and what their id means, for messages. */
    static final List<String> KINDS = List.of("indicator", "artifact", "incident", "row");
}
