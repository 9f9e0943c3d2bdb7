package riposte.server.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;
import riposte.server.system.Sql;
import riposte.server.system.Where;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read-only access to the audit log, newest first. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ServerSettings settings;

    AuditController(JdbcClient jdbc, JsonMapper json, ServerSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<AuditEntry> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, settings);
        Where where = new Where()
                .and("actor = :actor", "actor", actor)
                .and("action = :action", "action", action)
                .and("object_type = :objectType", "objectType", objectType)
                .and("object_id = :objectId", "objectId", objectId);
        long total = where.bind(jdbc.sql("select count(*) from audit_log" + where.sql())).query(Long.class).single();
        List<AuditEntry> items = where.bind(jdbc.sql("select * from audit_log" + where.sql()
                        + " order by id desc limit :limit offset :offset"))
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                        parse(rs.getString("before_json")), parse(rs.getString("after_json"))))
                .list();
        return PageResponse.of(items, query, total);
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
