package riposte.server.audit;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.Where;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes and actions. {@link #record} must run inside the transaction that makes the change, so that the
 * change and its audit entry are committed or rolled back together; it refuses to run outside one.
 */
@Component
public class AuditLog {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param actor who acted (a user name, or {@code system})
     * @param action a verb such as {@code create}, {@code update}, {@code delete}
     * @param objectType the kind of object, e.g. {@code incident}
     * @param objectId its id
     * @param before the API view before the change, or null; serialised as JSON
     * @param after the API view after the change, or null; serialised as JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String objectType, Object objectId, Object before, Object after) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, action, object_type, object_id, before_json, after_json)
                values (:at, :actor, :action, :type, :id, :before, :after)""")
                .param("at", Sql.ts(Sql.now(clock)))
                .param("actor", actor)
                .param("action", action)
                .param("type", objectType)
                .param("id", objectId == null ? null : objectId.toString())
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /** What {@link #find} selects; null fields do not filter, the others must match exactly. */
    public record Filter(String actor, String action, String objectType, String objectId) {}

    /** A page of entries matching {@code filter}, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<AuditEntry> find(Filter filter, PageQuery page) {
        Where where = new Where()
                .and("actor = :actor", "actor", filter.actor())
                .and("action = :action", "action", filter.action())
                .and("object_type = :objectType", "objectType", filter.objectType())
                .and("object_id = :objectId", "objectId", filter.objectId());
        long total = where.bind(jdbc.sql("select count(*) from audit_log" + where.sql())).query(Long.class).single();
        List<AuditEntry> items = where.bind(jdbc.sql("select * from audit_log" + where.sql()
                        + " order by id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                        parse(rs.getString("before_json")), parse(rs.getString("after_json"))))
                .list();
        return PageResponse.of(items, page, total);
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
