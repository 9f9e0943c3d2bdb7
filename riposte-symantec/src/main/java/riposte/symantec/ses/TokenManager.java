package riposte.symantec.ses;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import riposte.symantec.http.AuthenticationException;
import riposte.symantec.http.FailedCallIOException;
import riposte.symantec.http.UpstreamException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets and caches the OAuth2 client-credentials token (reference §2): {@code POST /v1/oauth2/tokens} with
 * {@code Authorization: Basic base64(id:secret)}, {@code Accept: application/json}, a form content type and an
 * empty body. The token is reused until {@value #MARGIN_SECONDS} s (or 10% of its lifetime, if shorter) before it
 * expires. Concurrent callers share one fetch: the first takes the lock and fetches, the rest wait and reuse it
 * (a {@link ReentrantLock}, not {@code synchronized}, so waiting virtual threads do not pin their carriers).
 * Token-endpoint 400/401/403 is an {@link AuthenticationException}; 429/5xx and transport failures are thrown
 * as retriable IOExceptions so the caller's retry interceptor handles them.
 */
final class TokenManager {
    static final String TOKEN_PATH = "/v1/oauth2/tokens";
    static final long MARGIN_SECONDS = 60;
    /** SES documents 1 h; used when a reply omits {@code expires_in}. */
    static final long DEFAULT_EXPIRES_IN = 3600;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private record Token(String authorization, Instant refreshAt) {}

    private final OkHttpClient http;
    private final HttpUrl tokenUrl;
    private final SesCredentials credentials;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;
    private volatile int fetches;

    TokenManager(OkHttpClient http, HttpUrl baseUrl, SesCredentials credentials, Clock clock) {
        this.http = http;
        this.tokenUrl = baseUrl.newBuilder().encodedPath(TOKEN_PATH).build();
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The {@code Authorization} value for API calls ({@code Bearer …}), fetching a token if needed. */
    String authorization() throws IOException {
        Token t = current;
        if (t != null && clock.instant().isBefore(t.refreshAt())) return t.authorization();
        return refresh(t == null ? null : t.authorization());
    }

    /**
     * Fetches a new token unless another caller already replaced {@code stale} (the value that got a 401 or
     * expired); returns the current value either way.
     */
    String refresh(String stale) throws IOException {
        lock.lock();
        try {
            Token t = current;
            if (t != null && !t.authorization().equals(stale) && clock.instant().isBefore(t.refreshAt())) {
                return t.authorization();
            }
            current = fetch();
            return current.authorization();
        } finally {
            lock.unlock();
        }
    }

    /** How many tokens were fetched, for diagnostics and tests. */
    int fetches() {
        return fetches;
    }

    private Token fetch() throws IOException {
        Request request = new Request.Builder().url(tokenUrl)
                .header("Authorization", credentials.authorizationHeader())
                .header("Accept", "application/json")
                .post(RequestBody.create(new byte[0], FORM))
                .build();
        Call call = http.newCall(request);
        fetches++;
        try (Response response = call.execute()) {
            int code = response.code();
            String body = response.body().string();
            if (code == 400 || code == 401 || code == 403) {
                throw new FailedCallIOException(new AuthenticationException(code, "authentication failed: the token "
                        + "endpoint answered " + code + ErrorBodies.suffix(body)
                        + "; check the client id and secret (or OAuth credentials value) and the region"));
            }
            if (code != 200) {
                String msg = "token endpoint answered " + code + ErrorBodies.suffix(body);
                if (code == 429 || code >= 500) throw new IOException(msg); // retriable: let the retry interceptor decide
                throw new FailedCallIOException(new UpstreamException(code, ErrorBodies.message(body), false, 1, msg, null));
            }
            return parse(body);
        }
    }

    private Token parse(String body) throws FailedCallIOException {
        String token;
        String type;
        long expiresIn;
        try {
            JsonNode root = JSON.readTree(body);
            token = root.path("access_token").asString(null);
            type = root.path("token_type").asString("Bearer");
            expiresIn = root.path("expires_in").asLong(DEFAULT_EXPIRES_IN);
        } catch (JacksonException e) {
            token = null;
            type = null;
            expiresIn = 0;
        }
        if (token == null || token.isBlank()) {
            throw new FailedCallIOException(new UpstreamException(200, null, false, 1,
                    "the token endpoint's reply has no access_token", null));
        }
        if (expiresIn <= 0) expiresIn = DEFAULT_EXPIRES_IN;
        long margin = Math.min(MARGIN_SECONDS, expiresIn / 10);
        // S5 uses token_type verbatim as the scheme; normalise the common spelling and default to Bearer.
        String scheme = type == null || type.isBlank() || type.equalsIgnoreCase("bearer") ? "Bearer" : type;
        return new Token(scheme + " " + token, clock.instant().plus(Duration.ofSeconds(expiresIn - margin)));
    }
}
