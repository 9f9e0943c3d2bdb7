package riposte.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import riposte.server.ApiTestBase;
import riposte.server.RiposteServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API-token cache with two servers on one database: a revocation, a role change or a disabled user takes effect
 * at once on the server where it was made, and on the other server only once its cache lifetime has passed (the
 * documented revocation delay). The second server caches for an hour on a clock the test moves, so "not yet" and
 * "now" are decided by the clock, not by how fast the machine is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenCacheAcrossServersContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration OTHER_TTL = Duration.ofHours(1);
    private final JsonMapper json = JsonMapper.builder().build();
    private final OffsetClock otherClock = new OffsetClock();
    private ConfigurableApplicationContext here;
    private ConfigurableApplicationContext other;

    /** Spring arguments pointing both servers at the same database. */
    protected abstract List<String> databaseArguments();

    @BeforeAll
    void startServers() {
        here = server(null, "--riposte.security.token-cache-ttl=5s");
        other = server(otherClock, "--riposte.security.token-cache-ttl=" + OTHER_TTL.toSeconds() + "s");
    }

    @AfterAll
    void stopServers() throws IOException {
        if (other != null) other.close();
        if (here != null) here.close();
        afterServers();
    }

    /** Called once both servers have stopped (e.g. to stop the database). */
    protected void afterServers() throws IOException {}

    @Test
    void aRevokedTokenIsRefusedAtOnceHereAndWithinTheCacheLifetimeOnTheOtherServer() {
        String user = newUser("analyst");
        JsonNode created = send(here, ApiTestBase.ADMIN_TOKEN, "POST", "/api/v1/tokens",
                Map.of("name", "revoke-me", "owner", user)).body();
        String token = created.get("token").asString();
        assertThat(send(here, token, "GET", "/api/v1/me", null).status()).isEqualTo(200);
        assertThat(send(other, token, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        assertThat(send(here, ApiTestBase.ADMIN_TOKEN, "DELETE", "/api/v1/tokens/" + created.get("id").asLong(), null)
                .status()).isEqualTo(204);
        assertThat(send(here, token, "GET", "/api/v1/me", null).status()).as("the server that revoked it").isEqualTo(401);
        assertThat(send(other, token, "GET", "/api/v1/me", null).status()).as("the other server, within its cache lifetime")
                .isEqualTo(200);

        otherClock.advance(OTHER_TTL.plusSeconds(1));
        Reply refused = send(other, token, "GET", "/api/v1/me", null);
        assertThat(refused.status()).as("the other server, after its cache lifetime").isEqualTo(401);
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:riposte:problem:invalid-token");
    }

    @Test
    void aRoleChangeAndADisabledUserTakeEffectAtOnceHereAndWithinTheCacheLifetimeOnTheOtherServer() {
        String user = newUser("viewer");
        String token = send(here, ApiTestBase.ADMIN_TOKEN, "POST", "/api/v1/tokens",
                Map.of("name", "role-change", "owner", user)).body().get("token").asString();
        assertThat(role(here, token)).isEqualTo("VIEWER");
        assertThat(role(other, token)).isEqualTo("VIEWER");
        assertThat(send(here, token, "POST", "/api/v1/incidents", Map.of("name", "not allowed")).status()).isEqualTo(403);

        long id = userId(user);
        assertThat(send(here, ApiTestBase.ADMIN_TOKEN, "PATCH", "/api/v1/users/" + id,
                Map.of("role", "analyst", "version", 0)).status()).isEqualTo(200);
        assertThat(role(here, token)).isEqualTo("ANALYST");
        assertThat(send(here, token, "POST", "/api/v1/incidents", Map.of("name", "allowed now " + user)).status())
                .isEqualTo(201);
        assertThat(role(other, token)).as("the other server, within its cache lifetime").isEqualTo("VIEWER");
        otherClock.advance(OTHER_TTL.plusSeconds(1));
        assertThat(role(other, token)).isEqualTo("ANALYST");

        assertThat(send(here, ApiTestBase.ADMIN_TOKEN, "PATCH", "/api/v1/users/" + id,
                Map.of("enabled", false, "version", 1)).status()).isEqualTo(200);
        assertThat(send(here, token, "GET", "/api/v1/me", null).status()).isEqualTo(401);
        assertThat(send(other, token, "GET", "/api/v1/me", null).status()).isEqualTo(200);
        otherClock.advance(OTHER_TTL.plusSeconds(1));
        assertThat(send(other, token, "GET", "/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void theLastUseIsShownWhenTokensAreListedOnTheServerThatSawIt() {
        String user = newUser("viewer");
        JsonNode created = send(here, ApiTestBase.ADMIN_TOKEN, "POST", "/api/v1/tokens",
                Map.of("name", "last-use", "owner", user)).body();
        String token = created.get("token").asString();
        assertThat(send(other, token, "GET", "/api/v1/me", null).status()).isEqualTo(200);
        JsonNode listed = send(other, ApiTestBase.ADMIN_TOKEN, "GET", "/api/v1/tokens?owner=" + user, null).body()
                .get("items").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(Instant.parse(listed.get("lastUsedAt").asString())).isAfterOrEqualTo(
                Instant.parse(created.get("createdAt").asString()));
    }

    private String role(ConfigurableApplicationContext server, String token) {
        Reply me = send(server, token, "GET", "/api/v1/me", null);
        assertThat(me.status()).as("%s", me.body()).isEqualTo(200);
        return me.body().get("role").asString();
    }

    private String newUser(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send(here, ApiTestBase.ADMIN_TOKEN, "POST", "/api/v1/users",
                Map.of("username", name, "role", role, "password", "a-long-test-password-1")).status()).isEqualTo(201);
        return name;
    }

    private long userId(String username) {
        return send(here, ApiTestBase.ADMIN_TOKEN, "GET", "/api/v1/users?size=200", null).body().get("items")
                .valueStream().filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    private ConfigurableApplicationContext server(Clock clock, String... extra) {
        List<String> args = new ArrayList<>(databaseArguments());
        args.addAll(List.of("--server.port=0", "--riposte.server.blob-dir=target/test-blobs",
                "--riposte.security.admin-api-token=" + ApiTestBase.ADMIN_TOKEN,
                "--riposte.security.admin-password=" + ApiTestBase.ADMIN_PASSWORD,
                "--riposte.secrets.key=" + ApiTestBase.SECRET_KEY,
                "--riposte.playbooks.dir=src/test/resources/test-playbooks",
                "--riposte.playbooks.auto-enrichment.enabled=false", "--logging.level.riposte=WARN"));
        args.addAll(List.of(extra));
        var builder = new SpringApplicationBuilder(RiposteServer.class);
        if (clock != null) {
            builder.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("movableClock", Clock.class,
                    () -> clock, definition -> definition.setPrimary(true)));
        }
        return builder.run(args.toArray(String[]::new));
    }

    private record Reply(int status, JsonNode body) {}

    private Reply send(ConfigurableApplicationContext server, String token, String method, String path, Object body) {
        int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        String text = body == null ? null : json.writeValueAsString(body);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String content = response.body();
            return new Reply(response.statusCode(), content == null || content.isEmpty() ? null : json.readTree(content));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The system clock moved forward by however much the test says; time keeps running. */
    private static final class OffsetClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
