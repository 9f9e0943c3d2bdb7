package riposte.server.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;
import riposte.server.system.Where;

/**
 * The {@code api_tokens} table. A token is {@code rip_} followed by 256 random bits in base64url; only its SHA-256
 * (hex) is stored, with the first 8 characters after {@code rip_} as a recognisable prefix.
 */
@Repository
class TokenStore {
    static final String PREFIX = "rip_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a valid token acts as. */
    record Owner(long tokenId, String username, Role role) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sql.sha256(secret);
    }

    static String prefixOf(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 8));
    }

    long insert(long userId, String name, String secret, Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_tokens (user_id, name, token_prefix, token_hash, created_at, expires_at, revoked)
                values (:userId, :name, :prefix, :hash, :now, :expiresAt, false)""")
                .param("userId", userId).param("name", name).param("prefix", prefixOf(secret))
                .param("hash", hash(secret)).param("now", Sql.ts(Sql.now(clock))).param("expiresAt", Sql.ts(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean existsWithSecret(String secret) {
        return jdbc.sql("select count(*) from api_tokens where token_hash = :hash").param("hash", hash(secret))
                .query(Long.class).single() > 0;
    }

    /**
     * What the database says about a token, valid or not: its owner and role, whether it or its user may still be
     * used, its expiry and its last recorded use. One statement; writes nothing.
     */
    record Lookup(Owner owner, boolean usable, Instant expiresAt, Instant lastUsedAt) {
        boolean validAt(Instant now) {
            return usable && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** The token with this hash ({@link #hash}), empty when there is none. */
    Optional<Lookup> lookup(String hash) {
        return jdbc.sql("""
                select t.id, t.expires_at, t.last_used_at, t.revoked, u.username, u.roles, u.enabled
                from api_tokens t join users u on u.id = t.user_id where t.token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new Lookup(
                        new Owner(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("roles"))),
                        !rs.getBoolean("revoked") && rs.getBoolean("enabled"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "last_used_at")))
                .optional();
    }

    /** Records when tokens were last used; never moves a token's last use backwards. */
    void recordUse(Map<Long, Instant> lastUse) {
        lastUse.forEach((id, at) -> jdbc.sql("""
                update api_tokens set last_used_at = :at
                where id = :id and (last_used_at is null or last_used_at < :at)""")
                .param("at", Sql.ts(at)).param("id", id).update());
    }

    Optional<TokenView> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TokenStore::view).optional();
    }

    List<TokenView> list(String owner, PageQuery page) {
        Where where = new Where().and("u.username = :owner", "owner", owner);
        return where.bind(jdbc.sql(SELECT + where.sql() + " order by t.id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(TokenStore::view).list();
    }

    long count(String owner) {
        Where where = new Where().and("u.username = :owner", "owner", owner);
        return where.bind(jdbc.sql("select count(*) from api_tokens t join users u on u.id = t.user_id" + where.sql()))
                .query(Long.class).single();
    }

    void revoke(long id) {
        jdbc.sql("update api_tokens set revoked = true where id = :id").param("id", id).update();
    }

    private static final String SELECT = """
            select t.id, t.name, u.username, t.token_prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked
            from api_tokens t join users u on u.id = t.user_id""";

    private static TokenView view(ResultSet rs, int n) throws SQLException {
        return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
                rs.getString("token_prefix"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "last_used_at"), rs.getBoolean("revoked"));
    }
}
