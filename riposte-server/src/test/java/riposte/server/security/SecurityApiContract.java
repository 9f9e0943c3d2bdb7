package riposte.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import riposte.server.ApiTestBase;
import riposte.server.system.Sql;
import tools.jackson.databind.JsonNode;

/** Login, CSRF, rate limiting, API tokens, the first-start admin and the audit trail, over HTTP. */
abstract class SecurityApiContract extends ApiTestBase {
    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdminBootstrap bootstrap;

    @BeforeEach
    @AfterEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    private String newUser(String role) {
        String name = unique(role);
        var reply = post("/api/v1/users", Map.of("username", name, "role", role, "password", PASSWORD));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return name;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void consoleSessionNeedsTheCsrfTokenForChangesAndLogsOut() {
        String analyst = newUser("analyst");
        Browser browser = new Browser(port);
        assertThat(browser.login(analyst, PASSWORD, null).statusCode()).as("login without CSRF token").isEqualTo(403);
        var login = browser.login(analyst, PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(body(login).get("role").asString()).isEqualTo("ANALYST");

        JsonNode me = body(browser.send("GET", "/api/v1/me", null, null, Map.of()));
        assertThat(me.get("username").asString()).isEqualTo(analyst);
        assertThat(me.get("authenticatedBy").asString()).isEqualTo("session");
        String header = me.get("csrfHeader").asString();
        String csrf = me.get("csrfToken").asString();

        String incident = json.writeValueAsString(Map.of("name", unique("csrf"), "severity", "LOW"));
        var refused = browser.send("POST", "/api/v1/incidents", incident, "application/json", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).get("type").asString()).isEqualTo("urn:riposte:problem:csrf");
        var created = browser.send("POST", "/api/v1/incidents", incident, "application/json", Map.of(header, csrf));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = body(created).get("id").asLong();
        JsonNode audit = get("/api/v1/audit?objectType=incident&objectId=" + id).get("items").get(0);
        assertThat(audit.get("actor").asString()).isEqualTo(analyst);

        assertThat(browser.send("POST", "/logout", null, null, Map.of(header, csrf)).statusCode()).isEqualTo(204);
        assertThat(browser.send("GET", "/api/v1/me", null, null, Map.of()).statusCode()).isEqualTo(401);
        var events = get("/api/v1/audit?objectType=session&actor=" + analyst).get("items");
        assertThat(events.valueStream().map(e -> e.get("action").asString())).containsExactly("logout", "login");
    }

    @Test
    void apiTokenRequestsNeedNoCsrfToken() {
        var reply = post("/api/v1/incidents", Map.of("name", unique("bearer"), "severity", "LOW"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(get("/api/v1/me").get("authenticatedBy").asString()).isEqualTo("api-token");
        problem(sendAs(null, "GET", "/api/v1/incidents", null), 401);
        problem(sendAs("rip_not-a-real-token-0000000000000000000000000", "GET", "/api/v1/me", null), 401);
    }

    @Test
    void apiTokenRequestsAreStatelessAndGetNoSession() {
        for (String path : new String[] {"/api/v1/me", "/api/v1/incidents", "/api/v1/users"}) {
            Reply reply = send("GET", path, null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().allValues("Set-Cookie")).as("Set-Cookie on a token request to " + path).isEmpty();
        }
        Reply denied = sendAs("rip_not-a-real-token-0000000000000000000000000", "GET", "/api/v1/incidents", null);
        assertThat(denied.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void wrongPasswordIs401AndAuditedWithoutThePassword() {
        String viewer = newUser("viewer");
        var failed = new Browser(port).login(viewer, "wrong password 123");
        assertThat(failed.statusCode()).isEqualTo(401);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode entry = get("/api/v1/audit?action=login-failed&size=200").get("items").valueStream()
                .filter(e -> e.get("after").get("username").asString().equals(viewer)).findFirst().orElseThrow();
        assertThat(entry.get("after").get("reason").asString()).isEqualTo("bad credentials");
        assertThat(entry.toString()).doesNotContain("wrong password");
    }

    @Test
    void repeatedFailuresPerUserAreRateLimitedWith429() {
        String viewer = newUser("viewer");
        Browser browser = new Browser(port);
        for (int i = 0; i < 5; i++) assertThat(browser.login(viewer, "wrong-" + i).statusCode()).isEqualTo(401);
        var limited = browser.login(viewer, PASSWORD);
        assertThat(limited.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        throttle.reset();
        assertThat(browser.login(viewer, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromOneAddressAreRateLimited() {
        Browser browser = new Browser(port);
        for (int i = 0; i < 20; i++) {
            assertThat(browser.login(unique("nobody"), "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(browser.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void tokenIsShownOnceAndStoredHashed() {
        var created = post("/api/v1/tokens", Map.of("name", "script", "expiresInDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String token = created.get("token").asString();
        assertThat(token).startsWith("rip_").hasSize(47);
        assertThat(created.get("prefix").asString()).isEqualTo(token.substring(0, 12));
        long id = created.get("id").asLong();

        JsonNode listed = get("/api/v1/tokens?owner=admin&size=200").get("items").valueStream()
                .filter(t -> t.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(listed.has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(token);
        var row = jdbc.sql("select * from api_tokens where id = :id").param("id", id).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(Sql.sha256(token));
        assertThat(row.values().toString()).doesNotContain(token);
        assertThat(get("/api/v1/audit?objectType=api-token&objectId=" + id).body().toString()).doesNotContain(token);

        assertThat(sendAs(token, "GET", "/api/v1/me", null).get("username").asString()).isEqualTo("admin");
        assertThat(get("/api/v1/tokens?owner=admin&size=200").get("items").valueStream()
                .filter(t -> t.get("id").asLong() == id).findFirst().orElseThrow().get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void revokedExpiredAndDisabledUsersTokensAre401() {
        String analyst = newUser("analyst");
        String revoked = post("/api/v1/tokens", Map.of("name", "a", "owner", analyst)).get("token").asString();
        var second = post("/api/v1/tokens", Map.of("name", "b", "owner", analyst));
        String expired = second.get("token").asString();
        String disabled = post("/api/v1/tokens", Map.of("name", "c", "owner", analyst)).get("token").asString();
        assertThat(sendAs(revoked, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        long revokedId = sendAs(revoked, "GET", "/api/v1/tokens", null).get("items").valueStream()
                .filter(t -> t.get("name").asString().equals("a")).findFirst().orElseThrow().get("id").asLong();
        assertThat(sendAs(revoked, "DELETE", "/api/v1/tokens/" + revokedId, null).status()).isEqualTo(204);
        assertThat(problem(sendAs(revoked, "GET", "/api/v1/me", null), 401).get("type").asString())
                .isEqualTo("urn:riposte:problem:invalid-token");
        assertThat(get("/api/v1/audit?objectType=api-token&objectId=" + revokedId).get("items").get(0)
                .get("actor").asString()).isEqualTo(analyst);

        jdbc.sql("update api_tokens set expires_at = :past where id = :id")
                .param("past", Sql.ts(Instant.now().minus(1, ChronoUnit.MINUTES)))
                .param("id", second.get("id").asLong()).update();
        problem(sendAs(expired, "GET", "/api/v1/me", null), 401);

        long userId = get("/api/v1/users?size=200").get("items").valueStream()
                .filter(u -> u.get("username").asString().equals(analyst)).findFirst().orElseThrow().get("id").asLong();
        assertThat(patch("/api/v1/users/" + userId, Map.of("enabled", false, "version", 0)).status()).isEqualTo(200);
        problem(sendAs(disabled, "GET", "/api/v1/me", null), 401);
    }

    @Test
    void othersTokensAreInvisibleToNonAdmins() {
        String viewer = newUser("viewer");
        String token = post("/api/v1/tokens", Map.of("name", "v", "owner", viewer)).get("token").asString();
        var mine = sendAs(token, "GET", "/api/v1/tokens?owner=admin", null);
        assertThat(mine.get("items").valueStream().map(t -> t.get("owner").asString())).containsOnly(viewer);
        long adminTokenId = post("/api/v1/tokens", Map.of("name", "admin's")).get("id").asLong();
        problem(sendAs(token, "DELETE", "/api/v1/tokens/" + adminTokenId, null), 404);
        problem(sendAs(token, "POST", "/api/v1/tokens", Map.of("name", "x", "owner", "admin")), 403);
    }

    @Test
    void userChangesAreAuditedAndEndTheirSessions() {
        String analyst = newUser("analyst");
        Browser browser = new Browser(port);
        assertThat(browser.login(analyst, PASSWORD).statusCode()).isEqualTo(200);
        JsonNode user = get("/api/v1/users?size=200").get("items").valueStream()
                .filter(u -> u.get("username").asString().equals(analyst)).findFirst().orElseThrow();
        assertThat(user.has("password")).isFalse();
        assertThat(user.toString()).doesNotContain("passwordHash").doesNotContain("bcrypt");
        long id = user.get("id").asLong();
        var updated = patch("/api/v1/users/" + id, Map.of("role", "viewer", "password", "another long password",
                "version", 0));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("role").asString()).isEqualTo("VIEWER");
        assertThat(browser.send("GET", "/api/v1/me", null, null, Map.of()).statusCode()).isEqualTo(401);

        var audit = get("/api/v1/audit?objectType=user&objectId=" + id).get("items");
        assertThat(audit.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("change-password", "update", "create");
        assertThat(audit.valueStream().map(e -> e.get("actor").asString())).containsOnly("admin");
        assertThat(audit.toString()).doesNotContain("another long password").doesNotContain(PASSWORD)
                .doesNotContain("{bcrypt}");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        JsonNode admin = get("/api/v1/users?size=200").get("items").valueStream()
                .filter(u -> u.get("username").asString().equals("admin")).findFirst().orElseThrow();
        long admins = get("/api/v1/users?size=200").get("items").valueStream()
                .filter(u -> u.get("role").asString().equals("ADMIN") && u.get("enabled").asBoolean()).count();
        if (admins == 1) {
            problem(patch("/api/v1/users/" + admin.get("id").asLong(),
                    Map.of("role", "viewer", "version", admin.get("version").asLong())), 400);
        }
    }

    @Test
    void bootstrapCreatedAdminAndTokenOnceFromTheSettings() {
        bootstrap.afterSingletonsInstantiated(); // a restart: nothing new
        assertThat(jdbc.sql("select count(*) from users where username = 'admin'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = :h").param("h", Sql.sha256(ADMIN_TOKEN))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select password_hash from users where username = 'admin'").query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(new Browser(port).login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }
}
