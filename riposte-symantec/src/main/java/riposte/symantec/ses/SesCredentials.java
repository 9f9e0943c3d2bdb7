package riposte.symantec.ses;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client application credentials from the ICDm console (Integration &gt; Client Applications): either the
 * Client ID and Client Secret, or the pre-encoded "OAuth Credentials" value ({@code base64(id:secret)}, with or
 * without a leading {@code Basic }). {@link #toString()} shows the client id only; the secret never leaves this
 * object except as the token request's {@code Authorization} header.
 */
public final class SesCredentials {
    private final String clientId;
    private final String basicValue;

    private SesCredentials(String clientId, String basicValue) {
        this.clientId = clientId;
        this.basicValue = basicValue;
    }

    public static SesCredentials ofClientIdAndSecret(String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("client id is empty");
        if (clientSecret == null || clientSecret.isBlank()) throw new IllegalArgumentException("client secret is empty");
        String encoded = Base64.getEncoder()
                .encodeToString((clientId.strip() + ":" + clientSecret.strip()).getBytes(StandardCharsets.UTF_8));
        return new SesCredentials(clientId.strip(), encoded);
    }

    /** The console's "OAuth Credentials" value, as copied (a leading {@code Basic } is accepted and dropped). */
    public static SesCredentials ofOAuthCredentials(String oauthCredentials) {
        if (oauthCredentials == null || oauthCredentials.isBlank()) {
            throw new IllegalArgumentException("OAuth credentials value is empty");
        }
        String v = oauthCredentials.strip();
        if (v.regionMatches(true, 0, "Basic ", 0, 6)) v = v.substring(6).strip();
        String decoded;
        try {
            // The console's value is standard Base64; some samples use the URL-safe alphabet. Accept both.
            byte[] bytes = v.contains("-") || v.contains("_") ? Base64.getUrlDecoder().decode(v) : Base64.getDecoder().decode(v);
            decoded = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the OAuth credentials value is not Base64 (expected base64(clientId:clientSecret))");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new IllegalArgumentException("the OAuth credentials value does not decode to clientId:clientSecret");
        }
        return ofClientIdAndSecret(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The client id (not secret; it names the client application in the console). */
    public String clientId() {
        return clientId;
    }

    /** The {@code Authorization} header value for the token request. */
    String authorizationHeader() {
        return "Basic " + basicValue;
    }

    @Override
    public String toString() {
        return "SesCredentials[clientId=" + clientId + ", secret=***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SesCredentials c && c.basicValue.equals(basicValue);
    }

    @Override
    public int hashCode() {
        return basicValue.hashCode();
    }
}
