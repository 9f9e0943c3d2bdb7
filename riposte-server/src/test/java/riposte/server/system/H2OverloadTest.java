package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * With every pooled connection taken, a request is answered {@code 503} with {@code Retry-After} and a problem
 * document — whether it waited in the API-token check (a filter) or in a controller (a logged-in session) — and
 * the server serves normally again once connections are free.
 */
@TestPropertySource(properties = {"RIPOSTE_DB_POOL_SIZE=2", "RIPOSTE_DB_POOL_TIMEOUT_MS=1500"})
class H2OverloadTest extends ApiTestBase {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    DataSource dataSource;

    @Test
    void noFreeConnectionIsA503WithRetryAfterInFiltersAndControllers() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(request("/login").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("login form with a CSRF field").isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(request("/login").header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            Reply token = get("/api/v1/incidents");
            assertOverloaded(token.status(), token.headers().firstValue("Retry-After").orElse(null),
                    token.contentType(), token.body());
            HttpResponse<String> session = browser.send(request("/api/v1/incidents")
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertOverloaded(session.statusCode(), session.headers().firstValue("Retry-After").orElse(null),
                    session.headers().firstValue("Content-Type").orElse(""), json.readTree(session.body()));
        }
        assertThat(get("/api/v1/incidents").status()).as("served again once connections are free").isEqualTo(200);
    }

    private static void assertOverloaded(int status, String retryAfter, String contentType, JsonNode body) {
        assertThat(status).isEqualTo(503);
        assertThat(retryAfter).isEqualTo("1");
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body.get("type").asString()).isEqualTo("urn:riposte:problem:overloaded");
        assertThat(body.get("status").asInt()).isEqualTo(503);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
