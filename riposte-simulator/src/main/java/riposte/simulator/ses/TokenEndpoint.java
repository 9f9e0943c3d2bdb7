package riposte.simulator.ses;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import riposte.simulator.http.BearerTokens;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;
import riposte.simulator.http.SimServer;

/**
 * {@code POST /v1/oauth2/tokens} (reference §2): client credentials from {@code Authorization: Basic
 * base64(id:secret)} (standard or URL-safe alphabet; {@code Bearer <same value>} is tolerated, as one shipped
 * integration sends it), or from {@code client_id}/{@code client_secret} form fields. Replies
 * {@code {"access_token":…,"token_type":"Bearer","expires_in":<ttl>}} with {@code access_token} first, which
 * shell scripts rely on; bad or missing credentials get 401 {@code {"message":…}}.
 */
final class TokenEndpoint {

    static final String PATH = "/v1/oauth2/tokens";

    private final String clientId;
    private final String clientSecret;
    private final BearerTokens tokens;
    private final SimServer server;

    TokenEndpoint(String clientId, String clientSecret, BearerTokens tokens, SimServer server) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
        this.server = server;
    }

    SimResponse handle(SimRequest request) {
        String[] credentials = fromHeader(request.header("Authorization"));
        if (credentials == null) credentials = fromForm(request.body());
        if (credentials == null || !matches(credentials[0], clientId) || !matches(credentials[1], clientSecret)) {
            return SimResponse.message(401, "Invalid client credentials");
        }
        BearerTokens.Issued token = tokens.issue();
        server.countTokenIssued();
        return SimResponse.json(200, new JsonWriter().beginObject()
                .field("access_token", token.value())
                .field("token_type", "Bearer")
                .field("expires_in", token.expiresInSeconds())
                .endObject().toBytes());
    }

    private static String[] fromHeader(String authorization) {
        if (authorization == null) return null;
        int space = authorization.indexOf(' ');
        if (space < 0) return null;
        String scheme = authorization.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic") && !scheme.equalsIgnoreCase("Bearer")) return null;
        String encoded = authorization.substring(space + 1).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException standardFailed) {
            try {
                decoded = Base64.getUrlDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }

    private static String[] fromForm(byte[] body) {
        if (body.length == 0) return null;
        String id = null;
        String secret = null;
        for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = field.indexOf('=');
            if (eq < 0) continue;
            String name = URLDecoder.decode(field.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("client_id")) id = value;
            if (name.equals("client_secret")) secret = value;
        }
        return id == null || secret == null ? null : new String[] {id, secret};
    }

    /** Constant-time comparison, out of habit for secrets. */
    private static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
