package riposte.server.note;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;

/** Note rows. */
@Repository
class NoteRepository {
    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NoteView> find(long incidentId, PageQuery page) {
        return jdbc.sql("select * from notes where incident_id = :incident order by id limit :limit offset :offset")
                .param("incident", incidentId).param("limit", page.size()).param("offset", page.offset())
                .query(NoteRepository::map).list();
    }

    long count(long incidentId) {
        return jdbc.sql("select count(*) from notes where incident_id = :incident")
                .param("incident", incidentId).query(Long.class).single();
    }

    Optional<NoteView> get(long incidentId, long id) {
        return jdbc.sql("select * from notes where incident_id = :incident and id = :id")
                .param("incident", incidentId).param("id", id).query(NoteRepository::map).optional();
    }

    long insert(long incidentId, String author, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notes (incident_id, author, body, created_at, updated_at, version)
                values (:incident, :author, :body, :now, :now, 0)""")
                .param("incident", incidentId).param("author", author).param("body", body).param("now", Sql.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(long id, String body, Instant now, long expectedVersion) {
        return jdbc.sql("""
                update notes set body = :body, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("body", body).param("now", Sql.ts(now)).param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from notes where id = :id").param("id", id).update();
    }

    private static NoteView map(ResultSet rs, int row) throws SQLException {
        return new NoteView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("author"), rs.getString("body"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
