package riposte.server.artifact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;

/** Artifact rows. */
@Repository
class ArtifactRepository {
    private final JdbcClient jdbc;

    ArtifactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page and, in the same statement, the number of matching artifacts (-1 when the page is empty). */
    Page find(long incidentId, String type, PageQuery page) {
        long[] total = {-1};
        List<ArtifactView> items = jdbc.sql("select a.*, count(*) over () as total_items from artifacts a"
                        + " where incident_id = :incident" + (type == null ? "" : " and indicator_type = :type")
                        + " order by id limit :limit offset :offset")
                .param("incident", incidentId).param("type", type)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_items");
                    return map(rs, n);
                }).list();
        return new Page(items, total[0]);
    }

    record Page(List<ArtifactView> items, long total) {}

    long count(long incidentId, String type) {
        return jdbc.sql("select count(*) from artifacts where incident_id = :incident"
                        + (type == null ? "" : " and indicator_type = :type"))
                .param("incident", incidentId).param("type", type).query(Long.class).single();
    }

    Optional<ArtifactView> get(long incidentId, long id) {
        return jdbc.sql("select * from artifacts where incident_id = :incident and id = :id")
                .param("incident", incidentId).param("id", id).query(ArtifactRepository::map).optional();
    }

    /** An artifact by id alone (playbook ports know only the id). */
    Optional<ArtifactView> get(long id) {
        return jdbc.sql("select * from artifacts where id = :id").param("id", id).query(ArtifactRepository::map)
                .optional();
    }

    boolean exists(long incidentId, String type, String value) {
        return jdbc.sql("""
                select count(*) from artifacts where incident_id = :incident and indicator_type = :type
                    and value_sha256 = :sha""")
                .param("incident", incidentId).param("type", type).param("sha", Sql.sha256(value))
                .query(Long.class).single() > 0;
    }

    long insert(ArtifactView a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into artifacts (incident_id, indicator_type, artifact_value, value_sha256, description, source,
                    allow_listed, allow_list_reason, created_at, updated_at, version)
                values (:incident, :type, :value, :hash, :description, :source, :allowListed, :reason,
                    :created, :updated, 0)""")
                .param("incident", a.incidentId()).param("type", a.type()).param("value", a.value())
                .param("hash", Sql.sha256(a.value())).param("description", a.description())
                .param("source", a.source()).param("allowListed", a.allowListed())
                .param("reason", a.allowListReason())
                .param("created", Sql.ts(a.createdAt())).param("updated", Sql.ts(a.updatedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(ArtifactView a, long expectedVersion) {
        return jdbc.sql("""
                update artifacts set description = :description, source = :source, allow_listed = :allowListed,
                    allow_list_reason = :reason, updated_at = :updated, version = version + 1
                where id = :id and version = :version""")
                .param("description", a.description()).param("source", a.source())
                .param("allowListed", a.allowListed()).param("reason", a.allowListReason())
                .param("updated", Sql.ts(a.updatedAt())).param("id", a.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from artifacts where id = :id").param("id", id).update();
    }

    private static ArtifactView map(ResultSet rs, int row) throws SQLException {
        return new ArtifactView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("indicator_type"),
                rs.getString("artifact_value"), rs.getString("description"), rs.getString("source"),
                rs.getBoolean("allow_listed"), rs.getString("allow_list_reason"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
