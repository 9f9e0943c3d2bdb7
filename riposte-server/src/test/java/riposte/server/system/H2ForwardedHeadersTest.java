package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import riposte.server.ApiTestBase;

/**
 * Behind a TLS reverse proxy ({@code RIPOSTE_FORWARD_HEADERS=native}): a request the proxy marks
 * {@code X-Forwarded-Proto: https} gets a {@code Secure} session cookie; a plain one does not. Also the request id
 * echoed on every answer.
 */
@TestPropertySource(properties = "RIPOSTE_FORWARD_HEADERS=native")
class H2ForwardedHeadersTest extends ApiTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() throws Exception {
        List<String> viaTls = loginPageCookies("https");
        List<String> plain = loginPageCookies(null);
        assertThat(viaTls).anySatisfy(c -> assertThat(c).startsWith("RIPOSTE_SESSION=").containsIgnoringCase("; Secure"));
        assertThat(plain).anySatisfy(c -> assertThat(c).startsWith("RIPOSTE_SESSION=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void everyAnswerCarriesARequestIdAndASafeOneIsKept() throws Exception {
        HttpResponse<String> given = http.send(request("/actuator/health").header("X-Request-Id", "lb-7f3a.42").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsafe = http.send(request("/actuator/health").header("X-Request-Id", "<script>alert(1)</script>").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("lb-7f3a.42");
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private List<String> loginPageCookies(String forwardedProto) throws Exception {
        HttpRequest.Builder b = request("/login").header("Accept", "text/html");
        if (forwardedProto != null) b.header("X-Forwarded-Proto", forwardedProto);
        HttpResponse<String> page = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.headers().allValues("Set-Cookie");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
