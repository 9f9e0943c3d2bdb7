package riposte.cli.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.config.ConfigurationException;
import riposte.cli.config.Setting;
import riposte.cli.config.Settings;
import riposte.symantec.http.Transport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client for the Riposte server's REST API under {@code /api/v1}: bearer token, JSON in and out, and every
 * failure turned into a {@link CliException} with a clear message and the documented exit code (see
 * {@link ApiFailure}). It does not retry: most calls change something and are not safe to repeat blindly.
 */
public final class ApiClient implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;

    private ApiClient(OkHttpClient http, HttpUrl base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** Builds the client from {@code server.*}; a missing token is exit 3, a bad URL or CA file exit 2. */
    static ApiClient open(Settings settings) {
        HttpUrl base = baseUrl(settings.get(Setting.SERVER_URL).orElse(Setting.SERVER_URL.defaultValue()));
        String token = settings.get(Setting.SERVER_API_TOKEN).map(String::strip).orElse("");
        if (token.isEmpty()) {
            throw new CliException(ExitCodes.AUTHENTICATION, "no API token configured: set "
                    + Setting.SERVER_API_TOKEN.environmentVariable() + " (or server.api-token in riposte.yml) to a token "
                    + "from POST /api/v1/tokens (see docs/server.md)");
        }
        OkHttpClient.Builder b = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false);
        Duration connect = settings.duration(Setting.SERVER_CONNECT_TIMEOUT);
        Duration read = settings.duration(Setting.SERVER_READ_TIMEOUT);
        if (connect != null) b.connectTimeout(connect);
        if (read != null) b.readTimeout(read);
        settings.get(Setting.SERVER_CA_CERT).ifPresent(pem -> {
            try {
                Transport.applyTrust(b, Path.of(pem.strip()), false);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(Setting.SERVER_CA_CERT.key() + ": " + e.getMessage());
            }
        });
        return new ApiClient(b.build(), base, token);
    }

    /**
     * A client for the server at {@code url} with {@code token}, default timeouts and the JDK's trust store; for
     * in-process callers such as {@code riposte demo}.
     */
    public static ApiClient connect(String url, String token) {
        OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false).build();
        return new ApiClient(http, baseUrl(url), token);
    }

    static HttpUrl baseUrl(String text) {
        String url = text.strip().replaceAll("/+$", "");
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new ConfigurationException(Setting.SERVER_URL.key() + " (" + Setting.SERVER_URL.environmentVariable()
                    + ") is '" + text + "': expected a URL such as http://127.0.0.1:8080 or https://riposte.example.org");
        }
        if (!parsed.isHttps() && !Transport.isLoopback(parsed.host())) {
            throw new ConfigurationException(Setting.SERVER_URL.key() + " is '" + text + "': plain http:// is allowed "
                    + "to loopback hosts only (the API token would travel in clear); use https:// through a TLS reverse proxy");
        }
        return parsed;
    }

    /** Where the server is, for messages. */
    String server() {
        return base.toString().replaceAll("/+$", "");
    }

    /** GET {@code /api/v1/path} with query parameters (null values left out). */
    public JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path, query, null);
    }

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** POST a JSON body; a refused request throws a {@code CliException} with the server's problem details. */
    public JsonNode post(String path, Object body) {
        return send("POST", path, Map.of(), body);
    }

    /** DELETE {@code /api/v1/path}; a refused request throws a {@code CliException}. */
    void delete(String path) {
        send("DELETE", path, Map.of(), null);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, Map.of(), body);
    }

    /** A JSON object with the non-null values only, in order; for request bodies. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** An answer: 2xx with its JSON, or the failure it describes. */
    record Reply(int status, JsonNode json, ApiFailure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** POST that returns a refused request (4xx, 5xx) as a {@link Reply} instead of throwing; for bulk adds. */
    Reply tryPost(String path, Object body) {
        return exchange("POST", path, Map.of(), body);
    }

    private JsonNode send(String method, String path, Map<String, ?> query, Object body) {
        Reply reply = exchange(method, path, query, body);
        if (!reply.ok()) throw reply.failure().exception();
        return reply.json();
    }

    private Reply exchange(String method, String path, Map<String, ?> query, Object body) {
        RequestBody content = body == null ? null : RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE);
        Request request = request(method, path, query, content).header("Accept", "application/json, application/problem+json").build();
        return execute(method, path, request, response -> reply(method, response));
    }

    private Reply reply(String method, Response response) throws IOException {
        String text = response.body().string();
        JsonNode json = parse(text);
        int status = response.code();
        if (status >= 200 && status < 300) {
            if (json == null && !text.isBlank()) throw notJson(status);
            return new Reply(status, json, null);
        }
        return new Reply(status, null, ApiFailure.of(method, URI.create(server()), status, json));
    }

    /**
     * POST {@code file} as {@code multipart/form-data}, part {@code file} with the file's name (the server guesses
     * the type from it); the file is streamed, not read into memory. A refused upload is returned, not thrown.
     */
    Reply tryUpload(String path, Path file) {
        RequestBody part = RequestBody.create(file.toFile(), OCTET_STREAM);
        RequestBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", file.getFileName().toString(), part).build();
        Request request = request("POST", path, Map.of(), multipart)
                .header("Accept", "application/json, application/problem+json").build();
        return execute("POST", path, request, response -> reply("POST", response));
    }

    /**
     * GET {@code /api/v1/path} and copy a 2xx answer's bytes to {@code sink} as they arrive (a file or a CSV export);
     * a refused request throws before anything is written. Returns the number of bytes copied.
     */
    long download(String path, Map<String, ?> query, String accept, OutputStream sink) {
        Request request = request("GET", path, query, null).header("Accept", accept + ", application/problem+json").build();
        return execute("GET", path, request, response -> {
            if (!response.isSuccessful()) {
                JsonNode problem = parse(response.body().string());
                throw ApiFailure.of("GET", URI.create(server()), response.code(), problem).exception();
            }
            return copy(response.body().byteStream(), sink);
        });
    }

    private static long copy(InputStream in, OutputStream sink) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; total += n) {
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "cannot write the download: " + e.getMessage());
            }
        }
        try {
            sink.flush();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write the download: " + e.getMessage());
        }
        return total;
    }

    private Request.Builder request(String method, String path, Map<String, ?> query, RequestBody content) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v1/" + path);
        query.forEach((k, v) -> {
            if (v instanceof Iterable<?> values) {
                for (Object each : values) url.addQueryParameter(k, each.toString());
            } else if (v != null) {
                url.addQueryParameter(k, v.toString());
            }
        });
        return new Request.Builder().url(url.build()).method(method, content).header("Authorization", "Bearer " + token);
    }

    /** What is done with an answer; an {@code IOException} is a failed connection. */
    private interface Answer<T> {
        T read(Response response) throws IOException;
    }

    private <T> T execute(String method, String path, Request request, Answer<T> answer) {
        try (Response response = http.newCall(request).execute()) {
            return answer.read(response);
        } catch (ConnectException e) {
            throw new CliException(ExitCodes.UPSTREAM, "cannot connect to " + server() + ": is `riposte serve` running at "
                    + server() + "? (set " + Setting.SERVER_URL.environmentVariable() + " or server.url)");
        } catch (UnknownHostException e) {
            throw new CliException(ExitCodes.UPSTREAM, "cannot resolve the host of " + server() + ": is "
                    + Setting.SERVER_URL.environmentVariable() + " (server.url) right?");
        } catch (SSLException e) {
            throw new CliException(ExitCodes.UPSTREAM, "TLS with " + server() + " failed: " + e.getMessage()
                    + " (a private CA? point " + Setting.SERVER_CA_CERT.environmentVariable() + " at its PEM file)");
        } catch (SocketTimeoutException e) {
            throw new CliException(ExitCodes.UPSTREAM, "the server at " + server() + " did not answer in time ("
                    + method + " /api/v1/" + path + ")");
        } catch (IOException e) {
            throw new CliException(ExitCodes.UPSTREAM, "the connection to " + server() + " failed: " + e.getMessage()
                    + "; is `riposte serve` running at " + server() + "?");
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private CliException notJson(int status) {
        return new CliException(ExitCodes.UPSTREAM, "the answer from " + server() + " (HTTP " + status
                + ") is not JSON: does server.url point at a Riposte server?");
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
