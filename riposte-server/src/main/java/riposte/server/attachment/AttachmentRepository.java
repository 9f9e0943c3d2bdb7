package riposte.server.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;

/** Attachment rows and the blob rows they reference. */
@Repository
class AttachmentRepository {
    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AttachmentView> find(long incidentId, PageQuery page) {
        return jdbc.sql("select * from attachments where incident_id = :incident order by id limit :limit offset :offset")
                .param("incident", incidentId).param("limit", page.size()).param("offset", page.offset())
                .query(AttachmentRepository::map).list();
    }

    long count(long incidentId) {
        return jdbc.sql("select count(*) from attachments where incident_id = :incident").param("incident", incidentId)
                .query(Long.class).single();
    }

    Optional<AttachmentView> get(long incidentId, long id) {
        return jdbc.sql("select * from attachments where incident_id = :incident and id = :id")
                .param("incident", incidentId).param("id", id).query(AttachmentRepository::map).optional();
    }

    /** Locks the blob row (so that a concurrent delete cannot remove the content); false when there is none. */
    boolean lockBlob(String sha256) {
        return jdbc.sql("select sha256 from blobs where sha256 = :sha for update").param("sha", sha256)
                .query(String.class).optional().isPresent();
    }

    void insertBlob(String sha256, long size, java.time.Instant at) {
        jdbc.sql("insert into blobs (sha256, size_bytes, created_at) values (:sha, :size, :at)")
                .param("sha", sha256).param("size", size).param("at", Sql.ts(at)).update();
    }

    /** Attachments and report PDFs that use this content. */
    long references(String sha256) {
        return jdbc.sql("""
                select (select count(*) from attachments where sha256 = :sha)
                     + (select count(*) from reports where pdf_sha256 = :sha)
                     + (select count(*) from mail_messages where raw_sha256 = :sha)""")
                .param("sha", sha256).query(Long.class).single();
    }

    /** Blob rows older than {@code before} that no attachment or report refers to. */
    List<String> unreferencedBlobs(java.time.Instant before, int limit) {
        return jdbc.sql("""
                select b.sha256 from blobs b where b.created_at < :before
                and not exists (select 1 from attachments a where a.sha256 = b.sha256)
                and not exists (select 1 from reports r where r.pdf_sha256 = b.sha256)
                and not exists (select 1 from mail_messages m where m.raw_sha256 = b.sha256)
                order by b.created_at limit :limit""")
                .param("before", Sql.ts(before)).param("limit", limit).query(String.class).list();
    }

    boolean blobExists(String sha256) {
        return jdbc.sql("select count(*) from blobs where sha256 = :sha").param("sha", sha256).query(Long.class)
                .single() > 0;
    }

    void deleteBlob(String sha256) {
        jdbc.sql("delete from blobs where sha256 = :sha").param("sha", sha256).update();
    }

    long insert(AttachmentView a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into attachments (incident_id, file_name, content_type, size_bytes, sha256, uploaded_by, created_at)
                values (:incident, :name, :type, :size, :sha, :by, :at)""")
                .param("incident", a.incidentId()).param("name", a.fileName()).param("type", a.contentType())
                .param("size", a.size()).param("sha", a.sha256()).param("by", a.uploadedBy())
                .param("at", Sql.ts(a.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void delete(long id) {
        jdbc.sql("delete from attachments where id = :id").param("id", id).update();
    }

    private static AttachmentView map(ResultSet rs, int row) throws SQLException {
        return new AttachmentView(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), Sql.instant(rs, "created_at"));
    }
}
