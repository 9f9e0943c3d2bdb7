package riposte.server.indicator;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import riposte.server.system.Sql;

/** Indicator-to-indicator associations (related files, hosts and addresses), one row per ordered pair. */
@Repository
class AssociationRepository {
    private final JdbcClient jdbc;

    AssociationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long indicatorId, long associatedId) {
        return jdbc.sql("select count(*) from indicator_associations where indicator_id = :a and associated_id = :b")
                .param("a", indicatorId).param("b", associatedId).query(Long.class).single() > 0;
    }

    void insert(long indicatorId, long associatedId, String actor, Instant now) {
        jdbc.sql("""
                insert into indicator_associations (indicator_id, associated_id, created_by, created_at)
                values (:a, :b, :by, :at)""")
                .param("a", indicatorId).param("b", associatedId).param("by", actor).param("at", Sql.ts(now))
                .update();
    }

    /** The ids associated with {@code indicatorId} in either direction, ordered. */
    List<Long> associated(long indicatorId) {
        return jdbc.sql("""
                select associated_id as other from indicator_associations where indicator_id = :id
                union select indicator_id as other from indicator_associations where associated_id = :id
                order by other""")
                .param("id", indicatorId).query(Long.class).list();
    }
}
