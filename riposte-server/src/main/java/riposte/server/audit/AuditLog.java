package riposte.server.audit;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.system.Sql;
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
}
