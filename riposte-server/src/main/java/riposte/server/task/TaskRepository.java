package riposte.server.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;

/** Task rows. */
@Repository
class TaskRepository {
    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskView> find(long incidentId, String status, PageQuery page) {
        return jdbc.sql("select * from tasks where incident_id = :incident"
                        + (status == null ? "" : " and status = :status") + " order by id limit :limit offset :offset")
                .param("incident", incidentId).param("status", status)
                .param("limit", page.size()).param("offset", page.offset())
                .query(TaskRepository::map).list();
    }

    long count(long incidentId, String status) {
        return jdbc.sql("select count(*) from tasks where incident_id = :incident"
                        + (status == null ? "" : " and status = :status"))
                .param("incident", incidentId).param("status", status).query(Long.class).single();
    }

    Optional<TaskView> get(long incidentId, long id) {
        return jdbc.sql("select * from tasks where incident_id = :incident and id = :id")
                .param("incident", incidentId).param("id", id).query(TaskRepository::map).optional();
    }

    long insert(TaskView t) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into tasks (incident_id, title, instructions, owner, status, due_at, created_at, updated_at,
                    completed_at, version)
                values (:incident, :title, :instructions, :owner, :status, :due, :created, :updated, :completed, 0)""")
                .param("incident", t.incidentId()).param("title", t.title()).param("instructions", t.instructions())
                .param("owner", t.owner()).param("status", t.status().name()).param("due", Sql.ts(t.dueAt()))
                .param("created", Sql.ts(t.createdAt())).param("updated", Sql.ts(t.updatedAt()))
                .param("completed", Sql.ts(t.completedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(TaskView t, long expectedVersion) {
        return jdbc.sql("""
                update tasks set title = :title, instructions = :instructions, owner = :owner, status = :status,
                    due_at = :due, updated_at = :updated, completed_at = :completed, version = version + 1
                where id = :id and version = :version""")
                .param("title", t.title()).param("instructions", t.instructions()).param("owner", t.owner())
                .param("status", t.status().name()).param("due", Sql.ts(t.dueAt()))
                .param("updated", Sql.ts(t.updatedAt())).param("completed", Sql.ts(t.completedAt()))
                .param("id", t.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from tasks where id = :id").param("id", id).update();
    }

    private static TaskView map(ResultSet rs, int row) throws SQLException {
        return new TaskView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("title"),
                rs.getString("instructions"), rs.getString("owner"), TaskView.Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "due_at"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "completed_at"), rs.getLong("version"));
    }
}
