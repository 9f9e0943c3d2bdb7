package riposte.server.report;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;
import riposte.server.system.Where;

/** Report rows and their associations. */
@Repository
class ReportRepository {
    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Where filter(Long indicatorId, Long incidentId) {
        return new Where()
                .and("id in (select report_id from report_indicators where indicator_id = :indicator)", "indicator",
                        indicatorId)
                .and("id in (select report_id from report_incidents where incident_id = :incident)", "incident",
                        incidentId);
    }

    List<ReportView> find(Long indicatorId, Long incidentId, PageQuery page) {
        Where where = filter(indicatorId, incidentId);
        List<Long> ids = where.bind(jdbc.sql("select id from reports" + where.sql()
                        + " order by generated_at desc, id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        return ids.stream().map(id -> get(id).orElseThrow()).toList();
    }

    long count(Long indicatorId, Long incidentId) {
        Where where = filter(indicatorId, incidentId);
        return where.bind(jdbc.sql("select count(*) from reports" + where.sql())).query(Long.class).single();
    }

    Optional<ReportView> get(long id) {
        return jdbc.sql("""
                select id, title, report_kind, generated_at, created_by, html_body is not null as has_html,
                    json_body is not null as has_json from reports where id = :id""")
                .param("id", id)
                .query((rs, n) -> new ReportView(rs.getLong("id"), rs.getString("title"), rs.getString("report_kind"),
                        Sql.instant(rs, "generated_at"), rs.getString("created_by"), rs.getBoolean("has_html"),
                        rs.getBoolean("has_json"), links("report_indicators", "indicator_id", id),
                        links("report_incidents", "incident_id", id)))
                .optional();
    }

    private List<Long> links(String table, String column, long id) {
        return jdbc.sql("select " + column + " from " + table + " where report_id = :id order by " + column)
                .param("id", id).query(Long.class).list();
    }

    Optional<String> body(long id, String column) {
        return jdbc.sql("select " + column + " from reports where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** The SHA-256 of the report's stored PDF, if it was rendered and stored. */
    Optional<String> pdf(long id) {
        return jdbc.sql("select pdf_sha256 from reports where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    void setPdf(long id, String sha256) {
        jdbc.sql("update reports set pdf_sha256 = :sha where id = :id").param("sha", sha256).param("id", id).update();
    }

    /** The ids among {@code ids} that do not exist in {@code table}. */
    List<Long> missing(String table, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var found = jdbc.sql("select id from " + table + " where id in (:ids)").param("ids", ids).query(Long.class)
                .set();
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    long insert(ReportCreate r, java.time.Instant generatedAt, String json, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into reports (title, report_kind, generated_at, html_body, json_body, created_by)
                values (:title, :kind, :at, :html, :json, :by)""")
                .param("title", r.title().strip()).param("kind", r.kind()).param("at", Sql.ts(generatedAt))
                .param("html", r.html()).param("json", json).param("by", createdBy)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Long indicator : r.indicatorIds() == null ? List.<Long>of() : r.indicatorIds().stream().distinct().toList()) {
            jdbc.sql("insert into report_indicators (report_id, indicator_id) values (:r, :i)")
                    .param("r", id).param("i", indicator).update();
        }
        for (Long incident : r.incidentIds() == null ? List.<Long>of() : r.incidentIds().stream().distinct().toList()) {
            jdbc.sql("insert into report_incidents (report_id, incident_id) values (:r, :i)")
                    .param("r", id).param("i", incident).update();
        }
        return id;
    }
}
