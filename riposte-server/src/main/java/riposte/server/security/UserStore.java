package riposte.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;

/** The {@code users} table. {@code roles} holds the single role name; {@code password_hash} is DelegatingPasswordEncoder output. */
@Repository
class UserStore {
    /** A user with the hash, for authentication only; never serialised. */
    record Account(UserView view, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + view.username() + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    UserStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    long countEnabledAdmins() {
        return jdbc.sql("select count(*) from users where enabled = true and roles = :role")
                .param("role", Role.ADMIN.name()).query(Long.class).single();
    }

    long insert(String username, String displayName, String email, Role role, String passwordHash) {
        Instant now = Sql.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into users (username, display_name, email, password_hash, roles, enabled, created_at, updated_at)
                values (:username, :displayName, :email, :hash, :role, true, :now, :now)""")
                .param("username", username).param("displayName", displayName).param("email", email)
                .param("hash", passwordHash).param("role", role.name()).param("now", Sql.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Applies an update if the row is still at {@code version}; false when it is not. */
    boolean update(long id, long version, String displayName, String email, Role role, boolean enabled,
            String passwordHash) {
        return jdbc.sql("""
                update users set display_name = :displayName, email = :email, roles = :role, enabled = :enabled,
                    password_hash = coalesce(:hash, password_hash), updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("displayName", displayName).param("email", email).param("role", role.name())
                .param("enabled", enabled).param("hash", passwordHash).param("now", Sql.ts(Sql.now(clock)))
                .param("id", id).param("version", version)
                .update() == 1;
    }

    Optional<UserView> find(long id) {
        return jdbc.sql("select * from users where id = :id").param("id", id).query(UserStore::view).optional();
    }

    Optional<Account> account(String username) {
        return jdbc.sql("select * from users where username = :username").param("username", username)
                .query((rs, n) -> new Account(view(rs, n), rs.getString("password_hash"))).optional();
    }

    Optional<UserView> firstEnabledAdmin() {
        return jdbc.sql("select * from users where enabled = true and roles = :role order by id limit 1")
                .param("role", Role.ADMIN.name()).query(UserStore::view).optional();
    }

    List<UserView> list(PageQuery page) {
        return jdbc.sql("select * from users order by username limit :limit offset :offset")
                .param("limit", page.size()).param("offset", page.offset()).query(UserStore::view).list();
    }

    static UserView view(ResultSet rs, int n) throws SQLException {
        return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("roles")), rs.getBoolean("enabled"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
