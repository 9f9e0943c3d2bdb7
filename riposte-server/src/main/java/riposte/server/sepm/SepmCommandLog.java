package riposte.server.sepm;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.system.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable record of the SEPM commands run steps send ({@code sepm_commands}, V13). Every write commits on its
 * own at once (a new transaction), so the intent is on disk before the request leaves and the command id as soon as
 * SEPM answered, whatever transaction the caller is in.
 */
@Repository
class SepmCommandLog {
    /** A recorded command: {@code sent} false means the intent is recorded and SEPM's answer is not. */
    record Entry(long id, String function, String connection, boolean sent, String commandId, String groupCommandId,
            Map<String, Object> reply) {}

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;
    private final Clock clock;

    SepmCommandLog(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    Optional<Entry> find(String runId, String stepId) {
        return ownTransaction.execute(s -> jdbc.sql("""
                        select id, function_name, connection_name, state, command_id, group_command_id, reply_json
                        from sepm_commands where run_id = :run and step_id = :step""")
                .param("run", runId).param("step", stepId)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        "SENT".equals(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7) == null ? null : json.readValue(rs.getString(7), MAP)))
                .optional());
    }

    /** Records the intent; empty if this step already has a record (another attempt got there first). */
    Optional<Long> intend(String runId, String stepId, String function, String connection, Map<String, Object> request) {
        try {
            return Optional.of(ownTransaction.execute(s -> {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("""
                        insert into sepm_commands (run_id, step_id, function_name, connection_name, request_json, state,
                            created_at)
                        values (:run, :step, :function, :connection, :request, 'SENDING', :at)""")
                        .param("run", runId).param("step", stepId).param("function", function)
                        .param("connection", connection).param("request", json.writeValueAsString(request))
                        .param("at", Sql.ts(Sql.now(clock))).update(keys, "id");
                return keys.getKeyAs(Long.class);
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    void sent(long id, String commandId, String groupCommandId, Map<String, Object> reply) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                        update sepm_commands set state = 'SENT', command_id = :command, group_command_id = :group,
                            reply_json = :reply, sent_at = :at
                        where id = :id""")
                .param("command", commandId).param("group", groupCommandId)
                .param("reply", json.writeValueAsString(reply)).param("at", Sql.ts(Sql.now(clock))).param("id", id)
                .update());
    }

    /** Forgets an intent SEPM certainly did not act on, so that a later attempt may send it. */
    void notSent(long id) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("delete from sepm_commands where id = :id and state = 'SENDING'")
                .param("id", id).update());
    }

    /** When this server sent the command with this id (computers' or groups'), if it did. */
    Optional<java.time.Instant> sentAt(String commandId) {
        return ownTransaction.execute(s -> jdbc.sql("""
                        select sent_at from sepm_commands where (command_id = :id or group_command_id = :id)
                            and state = 'SENT' order by id desc limit 1""")
                .param("id", commandId)
                .query((rs, n) -> Sql.instant(rs, "sent_at")).optional());
    }

    /** How many commands are recorded for a run (tests, diagnostics). */
    long countForRun(String runId) {
        return jdbc.sql("select count(*) from sepm_commands where run_id = :run").param("run", runId)
                .query(Long.class).single();
    }
}
