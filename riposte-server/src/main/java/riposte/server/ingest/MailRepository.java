package riposte.server.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code mail_messages} and {@code mail_rule}. */
@Repository
class MailRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<MailRecord> byDedupKey(String key) {
        return jdbc.sql("select * from mail_messages where dedup_key = :k").param("k", key).query(this::map).optional();
    }

    Optional<MailRecord> get(long id) {
        return jdbc.sql("select * from mail_messages where id = :id").param("id", id).query(this::map).optional();
    }

    List<MailRecord> ofIncident(long incidentId) {
        return jdbc.sql("select * from mail_messages where incident_id = :id order by id").param("id", incidentId)
                .query(this::map).list();
    }

    List<MailRecord> find(String outcome, int limit, long offset) {
        String where = outcome == null ? "" : " where outcome = :o";
        var spec = jdbc.sql("select * from mail_messages" + where + " order by id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset);
        if (outcome != null) spec = spec.param("o", outcome);
        return spec.query(this::map).list();
    }

    long count(String outcome) {
        String where = outcome == null ? "" : " where outcome = :o";
        var spec = jdbc.sql("select count(*) from mail_messages" + where);
        if (outcome != null) spec = spec.param("o", outcome);
        return spec.query(Long.class).single();
    }

    long insert(String dedupKey, MailRecord r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_messages (dedup_key, message_id, raw_sha256, raw_size, source, subject, sender,
                    outcome, reason, incident_id, fields_json, left_out_json, received_at)
                values (:key, :mid, :sha, :size, :source, :subject, :sender, :outcome, :reason, :incident, :fields,
                    :leftOut, :at)""")
                .param("key", dedupKey).param("mid", r.messageId()).param("sha", r.rawSha256())
                .param("size", r.rawSize()).param("source", r.source()).param("subject", r.subject())
                .param("sender", r.sender()).param("outcome", r.outcome()).param("reason", r.reason())
                .param("incident", r.incidentId()).param("fields", json.writeValueAsString(r.fields()))
                .param("leftOut", json.writeValueAsString(r.leftOut())).param("at", Sql.ts(r.receivedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    MailRule rule() {
        return jdbc.sql("select * from mail_rule where id = 1").query((rs, n) -> new MailRule(lines(rs.getString("subjects")),
                lines(rs.getString("senders")), rs.getLong("version"))).single();
    }

    boolean updateRule(MailRule rule, long expectedVersion) {
        return jdbc.sql("update mail_rule set subjects = :s, senders = :f, version = version + 1 where id = 1 and version = :v")
                .param("s", String.join("\n", rule.subjects())).param("f", String.join("\n", rule.senders()))
                .param("v", expectedVersion).update() == 1;
    }

    private static List<String> lines(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private MailRecord map(ResultSet rs, int row) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        String fields = rs.getString("fields_json");
        String leftOut = rs.getString("left_out_json");
        return new MailRecord(rs.getLong("id"), rs.getString("message_id"), rs.getString("source"),
                rs.getString("subject"), rs.getString("sender"), rs.getString("outcome"), rs.getString("reason"),
                incidentId, rs.getString("raw_sha256"), rs.getLong("raw_size"),
                fields == null ? Map.of() : json.readValue(fields, new TypeReference<Map<String, String>>() {}),
                leftOut == null ? List.of() : json.readValue(leftOut, new TypeReference<List<MailRecord.LeftOut>>() {}),
                rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant());
    }
}
