package riposte.symantec.sepm;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import riposte.symantec.http.AttemptCounter;
import riposte.symantec.http.FailedCallIOException;
import tools.jackson.databind.JavaType;

/**
 * Sends one SEPM call through the interceptor chain and turns the answer into a value or a {@link SepmException}.
 * Paths are relative to {@code /sepm/api/v1/} or {@code /sepm/api/v2/}.
 */
final class SepmHttp {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType XML = MediaType.get("application/xml; charset=utf-8");

    private final OkHttpClient http;
    private final OkHttpClient commands;
    private final HttpUrl v1;
    private final HttpUrl v2;

    /**
     * @param http     for calls that are safe to repeat
     * @param commands for calls that are not: a fresh connection each time and no silent OkHttp retry, so a
     *                 command is sent at most once (SEPM is also known to drop reused connections after a POST)
     */
    SepmHttp(OkHttpClient http, OkHttpClient commands, HttpUrl root) {
        this.http = http;
        this.commands = commands;
        this.v1 = root.newBuilder().encodedPath("/sepm/api/v1/").build();
        this.v2 = root.newBuilder().encodedPath("/sepm/api/v2/").build();
    }

    HttpUrl.Builder v1(String path) {
        return v1.newBuilder().addPathSegments(path);
    }

    HttpUrl.Builder v2(String path) {
        return v2.newBuilder().addPathSegments(path);
    }

    HttpUrl apiRoot() {
        return v1;
    }

    /** An idempotent GET. */
    <T> T get(HttpUrl url, JavaType type, String call) {
        return send(new Request.Builder().url(url).get(), type, call);
    }

    /** A call with a JSON body (null for none); {@code idempotent} false keeps it from being repeated. */
    <T> T json(String method, HttpUrl url, Object body, boolean idempotent, JavaType type, String call) {
        RequestBody rb = body == null ? RequestBody.create(new byte[0], null) : RequestBody.create(SepmJson.write(body), JSON);
        Request.Builder b = new Request.Builder().url(url).method(method, "DELETE".equals(method) && body == null ? null : rb);
        if (!idempotent) b.tag(CommandGuardInterceptor.NotIdempotent.class, new CommandGuardInterceptor.NotIdempotent(call));
        return send(b, type, call);
    }

    /** A command with a raw body of the given type, never repeated. */
    <T> T command(HttpUrl url, String body, MediaType mediaType, JavaType type, String call) {
        Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body, mediaType))
                .tag(CommandGuardInterceptor.NotIdempotent.class, new CommandGuardInterceptor.NotIdempotent(call));
        return send(b, type, call);
    }

    /** A GET whose body is handed to {@code reader} as a stream. */
    <T> T download(HttpUrl url, BodyReader<T> reader, String call) {
        AttemptCounter attempts = new AttemptCounter();
        Request request = new Request.Builder().url(url).get().tag(AttemptCounter.class, attempts).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) throw SepmErrors.failure(response.code(), response.body().string(), call);
            return reader.read(response.body().byteStream());
        } catch (FailedCallIOException e) {
            throw new SepmUnavailableException(call + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable(call, attempts, e);
        }
    }

    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private <T> T send(Request.Builder builder, JavaType type, String call) {
        AttemptCounter attempts = new AttemptCounter();
        Request request = builder.header("Accept", "application/json").tag(AttemptCounter.class, attempts).build();
        OkHttpClient client = request.tag(CommandGuardInterceptor.NotIdempotent.class) == null ? http : commands;
        try (Response response = client.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                SepmException failure = SepmErrors.failure(response.code(), body, call);
                throw attempts.attempts() > 1 && failure instanceof SepmApiException a && a.retriable()
                        ? new SepmApiException(a.status(), a.errorCode(), a.appErrorCode(), a.errorMessage(),
                                a.getMessage() + " (gave up after " + attempts.attempts() + " attempts)")
                        : failure;
            }
            if (type == null || body.isBlank()) return null;
            return SepmJson.read(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), type, call);
        } catch (FailedCallIOException e) {
            throw new SepmUnavailableException(call + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable(call, attempts, e);
        }
    }

    private SepmUnavailableException unavailable(String call, AttemptCounter attempts, IOException e) {
        return new SepmUnavailableException(call + ": no answer from " + v1.host() + " after " + attempts.attempts()
                + " attempt(s) (the request may have been sent): " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
}
