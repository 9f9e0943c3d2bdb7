package riposte.server.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A console client: keeps cookies (the session) like a browser, but asks for JSON. */
final class Browser {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    Browser(int port) {
        this.port = port;
    }

    /** The CSRF token from Spring's login page (which also starts the session). */
    String loginPageCsrf() {
        HttpResponse<String> page = send("GET", "/login", null, null, Map.of("Accept", "text/html"));
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) throw new AssertionError("no login form: " + page.body());
        return m.group(1);
    }

    /** Logs in like the console: fetches the login page for its CSRF token, then posts the form. */
    HttpResponse<String> login(String username, String password) {
        return login(username, password, loginPageCsrf());
    }

    HttpResponse<String> login(String username, String password, String csrf) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrf != null) fields.put("_csrf", csrf);
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", "/login", form, "application/x-www-form-urlencoded", Map.of());
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.header("Accept", "application/json, application/problem+json");
        if (contentType != null) request.header("Content-Type", contentType);
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
