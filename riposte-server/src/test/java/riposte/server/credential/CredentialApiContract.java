package riposte.server.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Credentials over HTTP: the secret is stored encrypted, never echoed, and decrypts only with the right key. */
abstract class CredentialApiContract extends ApiTestBase {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CredentialSecrets secrets;

    @Test
    void theSecretIsEncryptedAndNeverReturned() {
        String name = unique("sepm");
        String secret = "s3cret-" + unique("pw");
        var created = post("/api/v1/credentials", Map.of("name", name, "kind", "sepm",
                "url", "https://sepm.example:8446", "username", "admin", "secret", secret));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.get("secretSet").asBoolean()).isTrue();
        assertThat(created.get("kind").asString()).isEqualTo("SEPM");
        assertThat(created.body().has("secret")).isFalse();
        long id = created.get("id").asLong();

        assertThat(get("/api/v1/credentials/" + id).body().toString()).doesNotContain(secret);
        assertThat(get("/api/v1/credentials?kind=SEPM").body().toString()).contains(name).doesNotContain(secret);

        var row = jdbc.sql("select ciphertext, nonce, key_id from credentials where id = :id").param("id", id)
                .query((rs, n) -> new SecretCipher.Sealed(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(row.ciphertext()).doesNotContain(secret);
        assertThat(Base64.getDecoder().decode(row.nonce())).hasSize(12);
        assertThat(secrets.secret(name)).isEqualTo(secret);

        var rightKey = new SecretCipher(SecretKeys.decode(SECRET_KEY, "test"));
        assertThat(rightKey.open(name, row)).isEqualTo(secret);
        var otherKey = new SecretCipher(SecretKeys.decode(Base64.getEncoder().encodeToString(new byte[32]), "test"));
        assertThatThrownBy(() -> otherKey.open(name, row)).isInstanceOf(SecretKeyMismatchException.class)
                .hasMessageContaining("encrypted with secret key").hasMessageNotContaining(secret);
        var forged = new SecretCipher.Sealed(row.ciphertext(), row.nonce(), otherKey.keyId());
        assertThatThrownBy(() -> otherKey.open(name, forged)).isInstanceOf(SecretKeyMismatchException.class)
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> rightKey.open("another-name", row)).isInstanceOf(SecretKeyMismatchException.class);

        var audit = get("/api/v1/audit?objectType=credential&objectId=" + id);
        assertThat(audit.body().toString()).contains(name).doesNotContain(secret).doesNotContain(row.ciphertext());
    }

    @Test
    void updatesRenameAndReplaceTheSecretWithOptimisticLocking() {
        String name = unique("ses");
        var created = post("/api/v1/credentials", Map.of("name", name, "kind", "SES", "secret", "first-secret"));
        long id = created.get("id").asLong();
        String renamed = name + "-renamed";
        var updated = patch("/api/v1/credentials/" + id, Map.of("name", renamed, "username", "client-1", "version", 0));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(secrets.secret(renamed)).isEqualTo("first-secret");
        var replaced = patch("/api/v1/credentials/" + id, Map.of("secret", "second-secret", "version", 1));
        assertThat(replaced.get("version").asLong()).isEqualTo(2);
        assertThat(replaced.body().toString()).doesNotContain("second-secret");
        assertThat(secrets.secret(renamed)).isEqualTo("second-secret");
        problem(patch("/api/v1/credentials/" + id, Map.of("secret", "third", "version", 1)), 409);
        assertThat(delete("/api/v1/credentials/" + id).status()).isEqualTo(204);
        problem(get("/api/v1/credentials/" + id), 404);
    }

    @Test
    void badInputNamesTheFieldWithoutEchoingTheSecret() {
        JsonNode kind = problem(post("/api/v1/credentials", Map.of("name", unique("x"), "kind", "ldap",
                "secret", "do-not-echo-me")), 400);
        assertThat(kind.get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(kind.get("errors").get(0).get("message").asString()).contains("SEPM", "MAILBOX");
        assertThat(kind.toString()).doesNotContain("do-not-echo-me");
        JsonNode missing = problem(post("/api/v1/credentials", Map.of("name", unique("x"), "kind", "ses")), 400);
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("secret");
        String name = unique("dup");
        post("/api/v1/credentials", Map.of("name", name, "kind", "mailbox", "secret", "x"));
        JsonNode dup = problem(post("/api/v1/credentials", Map.of("name", name, "kind", "mailbox", "secret", "y")), 400);
        assertThat(dup.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }
}
