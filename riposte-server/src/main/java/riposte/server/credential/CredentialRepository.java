package riposte.server.credential;

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

/** Credential rows; the secret columns are read only through {@link #sealed}. */
@Repository
class CredentialRepository {
    private static final String VIEW_COLUMNS =
            "id, name, kind, url, username, description, created_at, updated_at, version, login_domain, ca_certificate, proxy";
    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CredentialView> find(String kind, PageQuery page) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from credentials" + (kind == null ? "" : " where kind = :kind")
                        + " order by name, id limit :limit offset :offset")
                .param("kind", kind).param("limit", page.size()).param("offset", page.offset())
                .query(CredentialRepository::map).list();
    }

    long count(String kind) {
        return jdbc.sql("select count(*) from credentials" + (kind == null ? "" : " where kind = :kind"))
                .param("kind", kind).query(Long.class).single();
    }

    Optional<CredentialView> get(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from credentials where id = :id").param("id", id)
                .query(CredentialRepository::map).optional();
    }

    Optional<CredentialView> newestOfKind(String kind) {
        return jdbc.sql("select " + VIEW_COLUMNS
                        + " from credentials where kind = :kind order by updated_at desc, id desc limit 1")
                .param("kind", kind).query(CredentialRepository::map).optional();
    }

    List<CredentialView> allOfKind(String kind) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from credentials where kind = :kind order by name, id")
                .param("kind", kind).query(CredentialRepository::map).list();
    }

    Optional<Long> idOf(String name) {
        return jdbc.sql("select id from credentials where name = :name").param("name", name).query(Long.class)
                .optional();
    }

    SecretCipher.Sealed sealed(long id) {
        return jdbc.sql("select ciphertext, nonce, key_id from credentials where id = :id").param("id", id)
                .query((rs, n) -> new SecretCipher.Sealed(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** Key fingerprints in use and how many credentials each has. */
    List<Object[]> keyIds() {
        return jdbc.sql("select key_id, count(*) from credentials group by key_id")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
    }

    long insert(CredentialView c, SecretCipher.Sealed sealed) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into credentials (name, kind, url, username, description, ciphertext, nonce, key_id,
                    created_at, updated_at, version, login_domain, ca_certificate, proxy)
                values (:name, :kind, :url, :username, :description, :ciphertext, :nonce, :keyId, :at, :at, 0,
                    :loginDomain, :caCertificate, :proxy)""")
                .param("name", c.name()).param("kind", c.kind().name()).param("url", c.url())
                .param("loginDomain", c.loginDomain()).param("caCertificate", c.caCertificate())
                .param("proxy", c.proxy())
                .param("username", c.username()).param("description", c.description())
                .param("ciphertext", sealed.ciphertext()).param("nonce", sealed.nonce()).param("keyId", sealed.keyId())
                .param("at", Sql.ts(c.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(CredentialView c, SecretCipher.Sealed sealed, long expectedVersion) {
        return jdbc.sql("""
                update credentials set name = :name, kind = :kind, url = :url, username = :username,
                    description = :description, ciphertext = :ciphertext, nonce = :nonce, key_id = :keyId,
                    updated_at = :at, version = version + 1, login_domain = :loginDomain,
                    ca_certificate = :caCertificate, proxy = :proxy
                where id = :id and version = :version""")
                .param("name", c.name()).param("kind", c.kind().name()).param("url", c.url())
                .param("loginDomain", c.loginDomain()).param("caCertificate", c.caCertificate())
                .param("proxy", c.proxy())
                .param("username", c.username()).param("description", c.description())
                .param("ciphertext", sealed.ciphertext()).param("nonce", sealed.nonce()).param("keyId", sealed.keyId())
                .param("at", Sql.ts(c.updatedAt())).param("id", c.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from credentials where id = :id").param("id", id).update();
    }

    private static CredentialView map(ResultSet rs, int row) throws SQLException {
        Instant created = Sql.instant(rs, "created_at");
        return new CredentialView(rs.getLong("id"), rs.getString("name"), CredentialKind.valueOf(rs.getString("kind")),
                rs.getString("url"), rs.getString("username"), rs.getString("description"), true, created,
                Sql.instant(rs, "updated_at"), rs.getLong("version"), rs.getString("login_domain"),
                rs.getString("ca_certificate"), rs.getString("proxy"));
    }
}
