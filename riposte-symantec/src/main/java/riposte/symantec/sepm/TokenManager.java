package riposte.symantec.sepm;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JavaType;

/**
 * Holds the SEPM bearer token: authenticates on first use ({@code POST /identity/authenticate}), reuses the token
 * until shortly before {@code tokenExpiration} seconds have passed, re-authenticates once when a call gets 401
 * (concurrent callers that saw the same rejected token share one re-authentication), and logs out on close.
 * SEPM has no refresh endpoint under {@code /sepm/api/v1}, so "refresh" means authenticating again.
 */
final class TokenManager {
    /** Renew this long before expiry (or a tenth of the lifetime if shorter) so no call carries a dying token. */
    static final Duration RENEW_MARGIN = Duration.ofSeconds(60);
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final System.Logger LOG = System.getLogger(TokenManager.class.getName());

    private final OkHttpClient http;
    private final HttpUrl api;
    private final SepmCredentials credentials;
    private final Clock clock;
    private UserToken current;
    private Instant renewAt;
    private int authentications;

    TokenManager(OkHttpClient http, HttpUrl api, SepmCredentials credentials, Clock clock) {
        this.http = http;
        this.api = api;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** {@code Bearer <token>}, authenticating if there is none or it is about to expire. */
    synchronized String authorization() {
        if (current == null || (renewAt != null && !clock.instant().isBefore(renewAt))) authenticate();
        return "Bearer " + current.token();
    }

    /** After a 401 with {@code rejected}: a new token, unless another caller already got one. */
    synchronized String refresh(String rejected) {
        if (current == null || rejected.equals("Bearer " + current.token())) authenticate();
        return "Bearer " + current.token();
    }

    /**
     * The id of the domain the administrator logged on to ({@code domainid} of the authentication answer),
     * authenticating first if needed; empty when SEPM did not say.
     */
    synchronized java.util.Optional<String> loginDomainId() {
        if (current == null) authenticate();
        String id = current.domainid();
        return id == null || id.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(id.strip());
    }

    synchronized int authentications() {
        return authentications;
    }

    private void authenticate() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", credentials.username());
        body.put("password", credentials.encodedPassword());
        body.put("domain", credentials.domain());
        Request request = new Request.Builder().url(api.resolve("identity/authenticate"))
                .post(RequestBody.create(SepmJson.write(body), JSON)).header("Accept", "application/json").build();
        String call = "authentication of " + credentials.username() + " to " + api.host();
        Instant before = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                int code = response.code();
                SepmException failure = SepmErrors.failure(code, text, call);
                if (code == 400 || code == 401 || code == 403) {
                    String detail = failure instanceof SepmApiException a && a.errorMessage() != null ? ": " + a.errorMessage() : "";
                    throw failure instanceof SepmAuthenticationException auth ? auth
                            : new SepmAuthenticationException(code, call + " was refused (HTTP " + code + ")" + detail);
                }
                throw failure;
            }
            JavaType type = SepmJson.type(UserToken.class);
            UserToken token = SepmJson.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), type, call);
            if (token == null || token.token() == null || token.token().isBlank()) {
                throw new SepmProtocolException(call + " answered without a token");
            }
            current = token;
            authentications++;
            renewAt = renewAt(before, token.tokenExpiration());
        } catch (IOException e) {
            throw new SepmUnavailableException(call + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** Null (reuse until a 401) when SEPM gives no lifetime. */
    static Instant renewAt(Instant obtained, Long lifetimeSeconds) {
        if (lifetimeSeconds == null || lifetimeSeconds <= 0) return null;
        Duration life = Duration.ofSeconds(lifetimeSeconds);
        Duration margin = life.dividedBy(10).compareTo(RENEW_MARGIN) < 0 ? life.dividedBy(10) : RENEW_MARGIN;
        return obtained.plus(life).minus(margin);
    }

    /** {@code POST /identity/logout} (204) if a token was issued; failures are logged, not thrown. */
    synchronized void logout() {
        if (current == null) return;
        Map<String, String> body = new LinkedHashMap<>();
        if (current.adminId() != null) body.put("adminId", current.adminId());
        body.put("token", current.token());
        Request request = new Request.Builder().url(api.resolve("identity/logout"))
                .header("Authorization", "Bearer " + current.token())
                .post(RequestBody.create(SepmJson.write(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) LOG.log(Level.DEBUG, "SEPM logout answered HTTP {0}", response.code());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "SEPM logout failed: {0}", e.getClass().getSimpleName());
        } finally {
            current = null;
            renewAt = null;
        }
    }
}
