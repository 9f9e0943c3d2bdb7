package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as an operator runs it: a separate JVM configured only through {@code RIPOSTE_*} environment
 * variables, with {@code RIPOSTE_LOG_FORMAT=json} and the chattiest loggers at DEBUG. Its standard output must be
 * JSON lines only, carry the request id and user of requests, contain none of the secrets it was given or sent
 * (passwords, tokens, Authorization headers, credential values), and it must shut down gracefully on SIGTERM.
 */
class ServerLogsTest {
    private static final String DB_PASSWORD = "Db-Secret-Value-1";
    private static final String ADMIN_PASSWORD = "Admin-Secret-Value-2";
    private static final String ADMIN_TOKEN = "rip_AdminTokenSecretValue0123456789abcdef";
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String WRONG_TOKEN = "rip_WrongTokenSecretValue0123456789abcdef";
    private static final String CREDENTIAL_SECRET = "Credential-Secret-Value-4";
    private static final String USER_PASSWORD = "User-Password-Value-5";
    private static final String BAD_JSON_SECRET = "Bad-Json-Secret-Value-6";
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

    @TempDir
    Path dir;

    @Test
    void jsonLinesWithRequestIdAndUserNoSecretsAndAGracefulStop() throws Exception {
        Path out = dir.resolve("stdout.log");
        Path err = dir.resolve("stderr.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "riposte.server.RiposteServer",
                "--server.port=0",
                "--logging.level.riposte=DEBUG",
                "--logging.level.org.springframework.security=DEBUG",
                "--logging.level.org.springframework.web=DEBUG",
                "--logging.level.com.zaxxer.hikari=DEBUG",
                "--logging.level.org.flywaydb=DEBUG")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("RIPOSTE_LOG_FORMAT", "json");
        pb.environment().put("RIPOSTE_DB_URL", "jdbc:h2:mem:logs;DB_CLOSE_DELAY=-1");
        pb.environment().put("RIPOSTE_DB_PASSWORD", DB_PASSWORD);
        pb.environment().put("RIPOSTE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("RIPOSTE_ADMIN_API_TOKEN", ADMIN_TOKEN);
        pb.environment().put("RIPOSTE_SECRET_KEY", SECRET_KEY);
        pb.environment().put("RIPOSTE_BLOB_DIR", dir.resolve("blobs").toString());
        pb.environment().put("RIPOSTE_DATA_DIR", dir.toString());
        Process server = pb.start();
        try {
            int port = awaitPort(server, out);
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);

            HttpResponse<String> me = send(http, base, "GET", "/api/v1/me", "Bearer " + ADMIN_TOKEN, null, "req-me-1");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.headers().firstValue("X-Request-Id")).contains("req-me-1");
            assertThat(send(http, base, "GET", "/api/v1/me", "Bearer " + WRONG_TOKEN, null, null).statusCode())
                    .isEqualTo(401);
            assertThat(send(http, base, "GET", "/api/v1/me",
                    "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()), null, null)
                    .statusCode()).isIn(401, 403);
            assertThat(send(http, base, "POST", "/api/v1/credentials", "Bearer " + ADMIN_TOKEN,
                    "{\"name\":\"ses-prod\",\"kind\":\"SES\",\"secret\":\"" + CREDENTIAL_SECRET + "\"}", null)
                    .statusCode()).isEqualTo(201);
            assertThat(send(http, base, "POST", "/api/v1/users", "Bearer " + ADMIN_TOKEN,
                    "{\"username\":\"bob\",\"role\":\"analyst\",\"password\":\"" + USER_PASSWORD + "\"}", null)
                    .statusCode()).isEqualTo(201);
            assertThat(send(http, base, "POST", "/api/v1/users", "Bearer " + ADMIN_TOKEN,
                    "{\"username\":\"eve\",\"password\":\"" + BAD_JSON_SECRET + "\", role}", null).statusCode())
                    .isEqualTo(400);
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops within 60 s of SIGTERM").isTrue();
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8); // the JVM's own warnings go there
        for (String secret : List.of(DB_PASSWORD, ADMIN_PASSWORD, ADMIN_TOKEN, SECRET_KEY, WRONG_TOKEN,
                CREDENTIAL_SECRET, USER_PASSWORD, BAD_JSON_SECRET, ADMIN_TOKEN.substring(4, 20))) {
            assertThat(log).as("the log holds no secret").doesNotContain(secret);
            assertThat(stderr).as("standard error holds no secret").doesNotContain(secret);
        }
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.isBlank()) continue;
            lines.add(json.readTree(line)); // fails on any line that is not JSON
        }
        assertThat(lines).allSatisfy(l -> assertThat(l.has("@timestamp") && l.has("log") && l.has("message")).isTrue());
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("message").asString()).contains("GET /api/v1/me 200");
            assertThat(l.path("requestId").asString()).isEqualTo("req-me-1");
            assertThat(l.path("user").asString()).isEqualTo("admin");
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asString()).contains("Graceful shutdown complete"));
    }

    private static int awaitPort(Process server, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = PORT.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (m.find()) return Integer.parseInt(m.group(1));
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited: " + Files.readString(out)
                        + Files.readString(out.resolveSibling("stderr.log")));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start in 90 s: " + Files.readString(out));
    }

    private static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String authorization,
            String body, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (requestId != null) b.header("X-Request-Id", requestId);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
