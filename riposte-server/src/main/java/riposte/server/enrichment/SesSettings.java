package riposte.server.enrichment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.ses}: how the server reaches the SES Threat Intel API. A credential of kind
 * {@code SES} stored through {@code /api/v1/credentials} wins over {@link #clientId}/{@link #clientSecret}/
 * {@link #oauthCredentials} when present. {@link #toString()} hides the secrets.
 *
 * @param url base URL (US/global by default; EU and India hosts exist); plain http only to loopback
 * @param clientId client id of the ICDm client application
 * @param clientSecret its secret
 * @param oauthCredentials the console's pre-encoded "OAuth credentials" value, instead of id and secret
 * @param caCert a PEM file of extra CA certificates to trust (verification is never turned off)
 * @param proxy an HTTP proxy, {@code host:port} or {@code http://user:password@host:port}
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout per request
 * @param rateLimit requests per second the tenant allows, if known (else learned from 429s)
 * @param maxAttempts attempts per request on 429, 5xx and timeouts
 * @param maxConcurrency most requests in flight at once per credential
 * @param cacheEntries most section results kept in the in-process cache
 */
@ConfigurationProperties("riposte.ses")
public record SesSettings(
        @DefaultValue("https://api.sep.securitycloud.symantec.com") String url,
        String clientId,
        String clientSecret,
        String oauthCredentials,
        String caCert,
        String proxy,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        Double rateLimit,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("16") int maxConcurrency,
        @DefaultValue("100000") long cacheEntries) {

    @Override
    public String toString() {
        return "SesSettings[url=" + url + ", clientId=" + clientId + ", clientSecret=" + hidden(clientSecret)
                + ", oauthCredentials=" + hidden(oauthCredentials) + ", caCert=" + caCert + ", proxy="
                + (proxy == null ? null : "(set)") + ", rateLimit=" + rateLimit + ", maxConcurrency=" + maxConcurrency
                + "]";
    }

    private static String hidden(String secret) {
        return secret == null || secret.isBlank() ? null : "(hidden)";
    }
}
