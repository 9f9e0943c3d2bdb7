package riposte.simulator.ses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare {@link HttpClient} test client for the simulator: no redirects followed, HTTP/1.1. */
final class SesHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final SesSimulator sim;

    SesHttp(SesSimulator sim) {
        this.sim = sim;
    }

    HttpResponse<String> tokenResponse(String authorization, String body) {
        var builder = HttpRequest.newBuilder(sim.baseUrl().resolve("/v1/oauth2/tokens"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) builder.header("Authorization", authorization);
        return send(builder.build());
    }

    String token() {
        var response = tokenResponse("Basic " + sim.oauthCredentials(), "");
        if (response.statusCode() != 200) throw new AssertionError("token request failed: " + response.body());
        return json(response.body()).get("access_token").asString();
    }

    /** GET {@code base + rawPath}; {@code rawPath} is sent exactly as given (encoding kept). */
    HttpResponse<String> get(URI base, String rawPath, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create(base + rawPath)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        return send(builder.build());
    }

    HttpResponse<String> get(String rawPath, String bearer) {
        return get(sim.baseUrl(), rawPath, bearer);
    }

    /** The body of a GET that must answer 200. */
    String ok(String rawPath, String bearer) {
        var response = get(rawPath, bearer);
        if (response.statusCode() != 200) {
            throw new AssertionError(rawPath + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
