package riposte.server.allowlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.Where;

/** Allow-list rows and the change stamp. */
@Repository
class AllowListRepository {
    private final JdbcClient jdbc;

    AllowListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code kind} exact, {@code text} anywhere in the value or the reason, case-insensitively. */
    PageResponse<AllowListEntryView> find(String kind, String text, PageQuery page) {
        Where where = new Where().and("entry_kind = :kind", "kind", kind)
                .and("(lower(entry_value) like :text escape '\\' or lower(reason) like :text escape '\\')", "text",
                        Sql.containsPattern(text));
        long total = where.bind(jdbc.sql("select count(*) from allow_list_entries" + where.sql())).query(Long.class)
                .single();
        List<AllowListEntryView> items = where.bind(jdbc.sql("select * from allow_list_entries" + where.sql()
                        + " order by id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query(AllowListRepository::map).list();
        return PageResponse.of(items, page, total);
    }

    Optional<AllowListEntryView> get(long id) {
        return jdbc.sql("select * from allow_list_entries where id = :id").param("id", id)
                .query(AllowListRepository::map).optional();
    }

    /** The entries among {@code values} that exist already. */
    List<AllowListEntryView> withValues(Collection<String> values) {
        if (values.isEmpty()) return List.of();
        return jdbc.sql("select * from allow_list_entries where entry_value in (:values)").param("values", values)
                .query(AllowListRepository::map).list();
    }

    /** Every entry that has not expired at {@code now}. */
    List<AllowListEntryView> active(Instant now) {
        return jdbc.sql("select * from allow_list_entries where expires_at is null or expires_at > :now order by id")
                .param("now", Sql.ts(now)).query(AllowListRepository::map).list();
    }

    long insert(AllowListEntryView e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into allow_list_entries (entry_kind, entry_value, reason, created_by, created_at, expires_at)
                values (:kind, :value, :reason, :by, :at, :expires)""")
                .param("kind", e.kind()).param("value", e.value()).param("reason", e.reason())
                .param("by", e.createdBy()).param("at", Sql.ts(e.createdAt())).param("expires", Sql.ts(e.expiresAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void delete(long id) {
        jdbc.sql("delete from allow_list_entries where id = :id").param("id", id).update();
    }

    long stamp() {
        return jdbc.sql("select stamp from allow_list_state where id = 1").query(Long.class).single();
    }

    /**
     * Moves the stamp to a new random value, in the changing transaction: a number that a rolled-back change used
     * is never mistaken for a committed one (an increment could be).
     */
    void touch() {
        long next;
        do {
            next = ThreadLocalRandom.current().nextLong();
        } while (next == 0);
        jdbc.sql("update allow_list_state set stamp = :stamp where id = 1").param("stamp", next).update();
    }

    private static AllowListEntryView map(ResultSet rs, int row) throws SQLException {
        return new AllowListEntryView(rs.getLong("id"), rs.getString("entry_kind"), rs.getString("entry_value"),
                rs.getString("reason"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"));
    }
}
