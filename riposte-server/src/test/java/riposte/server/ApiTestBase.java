package riposte.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server on a random port, exercised over real HTTP. Subclasses choose the database: H2 in memory by
 * default, or PostgreSQL with {@code @Import(EmbeddedPostgresDatabase.class)}. Tests share one database per context,
 * so each test makes its own data (unique names) and never assumes an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:riposte-test;DB_CLOSE_DELAY=-1",
        "riposte.server.blob-dir=target/test-blobs",
        "riposte.security.admin-password=" + ApiTestBase.ADMIN_PASSWORD,
        "riposte.security.admin-api-token=" + ApiTestBase.ADMIN_TOKEN,
        "riposte.secrets.key=" + ApiTestBase.SECRET_KEY,
        "spring.servlet.multipart.max-file-size=" + ApiTestBase.MAX_UPLOAD,
        "spring.servlet.multipart.max-request-size=" + ApiTestBase.MAX_UPLOAD,
        "riposte.playbooks.dir=src/test/resources/test-playbooks",
        "riposte.playbooks.auto-enrichment.enabled=false",
        "db-scheduler.polling-interval=200ms",
        "logging.level.riposte=WARN"})
public abstract class ApiTestBase {
    /** The first admin's password and API token, as RIPOSTE_ADMIN_PASSWORD / RIPOSTE_ADMIN_API_TOKEN would give them. */
    public static final String ADMIN_PASSWORD = "admin-test-password-1";
    public static final String ADMIN_TOKEN = "rip_test-admin-token-0123456789abcdefghijklmnopq";
    /** The secret key for credentials, as RIPOSTE_SECRET_KEY would give it (32 bytes, base64). */
    public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    /** The upload limit in tests (the default is 50MB), so that a 413 is cheap to provoke. */
    public static final String MAX_UPLOAD = "1MB";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    /** A status and a parsed body (null when empty). */
    protected record Reply(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        public JsonNode get(String field) {
            return body.get(field);
        }
    }

    protected Reply get(String path) {
        return send("GET", path, null);
    }

    protected Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    protected Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    protected Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    protected Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends as the bootstrap admin (API token). */
    protected Reply send(String method, String path, Object body) {
        return sendAs(ADMIN_TOKEN, method, path, body);
    }

    /** A file for a multipart/form-data body with one part named {@code file}. */
    public record Upload(String fileName, String contentType, byte[] bytes) {}

    /** Uploads {@code file} as multipart/form-data. */
    protected Reply upload(String path, Upload file) {
        return send("POST", path, file);
    }

    /** A GET whose body is kept as bytes (downloads, PDF, CSV). */
    protected HttpResponse<byte[]> download(String path) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.BodyPublisher multipart(Upload file, String boundary) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(
                head.getBytes(java.nio.charset.StandardCharsets.UTF_8), file.bytes(),
                tail.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends with {@code Authorization: Bearer token}, or with no credentials when {@code token} is null. */
    protected Reply sendAs(String token, String method, String path, Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1");
        if (body instanceof Upload file) {
            String boundary = "riposte-test-" + UUID.randomUUID();
            request.method(method, multipart(file, boundary))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else {
            String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) request.header("Content-Type", "application/json");
        }
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String content = response.body();
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    content == null || content.isEmpty() || !isJson(response) ? null : json.readTree(content),
                    response.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean isJson(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /** Asserts an RFC 9457 problem document with the given status and returns it. */
    protected JsonNode problem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body().get("type").asString()).startsWith("urn:riposte:problem:");
        assertThat(reply.body().get("title").asString()).isNotBlank();
        assertThat(reply.body().get("detail").asString()).isNotBlank();
        return reply.body();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
