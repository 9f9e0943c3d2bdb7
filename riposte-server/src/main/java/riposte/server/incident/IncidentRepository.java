package riposte.server.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.SortOrder;
import riposte.server.system.Sql;
import riposte.server.system.Where;

/** Incident rows. */
@Repository
class IncidentRepository {
    private static final String SELECT = """
            select i.*, (select count(*) from artifacts a where a.incident_id = i.id) as artifact_count
            from incidents i""";
    private static final String SEVERITY_RANK =
            "case severity when 'LOW' then 1 when 'MEDIUM' then 2 when 'HIGH' then 3 else 4 end";
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id", "name", "name", "severity", SEVERITY_RANK, "status", "status", "owner", "owner",
            "createdAt", "created_at", "updatedAt", "updated_at");

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IncidentView> find(IncidentFilter filter, String sort, PageQuery page) {
        Where where = where(filter);
        return where.bind(jdbc.sql(SELECT + where.sql() + SortOrder.orderBy(sort, SORTABLE, "created_at desc, id desc")
                        + " limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query(IncidentRepository::map).list();
    }

    long count(IncidentFilter filter) {
        Where where = where(filter);
        return where.bind(jdbc.sql("select count(*) from incidents i" + where.sql())).query(Long.class).single();
    }

    private static Where where(IncidentFilter filter) {
        String text = filter.text() == null || filter.text().isBlank() ? null
                : "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%";
        return new Where()
                .and("i.status = :status", "status", filter.status() == null ? null : filter.status().name())
                .and("i.severity = :severity", "severity", filter.severity() == null ? null : filter.severity().name())
                .and("i.owner = :owner", "owner", filter.owner())
                .and("(lower(i.name) like :text escape '\\' or lower(i.description) like :text escape '\\')",
                        "text", text);
    }

    Optional<IncidentView> get(long id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(IncidentRepository::map).optional();
    }

    long insert(IncidentView i) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incidents (name, description, incident_type, severity, status, owner, tlp,
                    created_at, updated_at, closed_at, version)
                values (:name, :description, :type, :severity, :status, :owner, :tlp, :created, :updated, :closed, 0)""")
                .param("tlp", i.level().name())
                .param("name", i.name()).param("description", i.description()).param("type", i.type())
                .param("severity", i.severity().name()).param("status", i.status().name()).param("owner", i.owner())
                .param("created", Sql.ts(i.createdAt())).param("updated", Sql.ts(i.updatedAt()))
                .param("closed", Sql.ts(i.closedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Applies the update if the row is still at {@code expectedVersion}; false if it is not (or is gone). */
    boolean update(IncidentView i, long expectedVersion) {
        return jdbc.sql("""
                update incidents set name = :name, description = :description, incident_type = :type,
                    severity = :severity, status = :status, owner = :owner, tlp = :tlp, updated_at = :updated,
                    closed_at = :closed, version = version + 1
                where id = :id and version = :version""")
                .param("name", i.name()).param("description", i.description()).param("type", i.type())
                .param("severity", i.severity().name()).param("status", i.status().name()).param("owner", i.owner())
                .param("updated", Sql.ts(i.updatedAt())).param("closed", Sql.ts(i.closedAt()))
                .param("tlp", i.level().name()).param("id", i.id()).param("version", expectedVersion)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from incidents where id = :id").param("id", id).update() == 1;
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from incidents where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private static IncidentView map(ResultSet rs, int row) throws SQLException {
        return new IncidentView(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("incident_type"), Severity.valueOf(rs.getString("severity")),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("owner"),
                riposte.core.interchange.Tlp.valueOf(rs.getString("tlp")).label(), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "closed_at"),
                rs.getLong("version"), rs.getLong("artifact_count"));
    }

}
