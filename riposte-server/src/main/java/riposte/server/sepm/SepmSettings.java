package riposte.server.sepm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.sepm}: the SEPM the server reaches when it is configured in the file or the
 * environment, as the CLI reads it ({@code RIPOSTE_SEPM_URL}, {@code RIPOSTE_SEPM_USERNAME}, ...). Credentials of
 * kind {@code SEPM} stored through {@code /api/v1/credentials} are further connections, one per credential, named
 * by the credential's name; this one is named {@link #name}. The timeouts, attempts and limits apply to all of them.
 * {@link #toString()} hides the password.
 *
 * @param name the connection name of this configured SEPM (the {@code connection} input of {@code sepm.*})
 * @param url {@code https://host[:8446]}; plain http only to loopback
 * @param username administrator user name
 * @param password that administrator's password
 * @param domain SEPM login domain; empty for the default domain
 * @param caCert PEM file of the CA that signed SEPM's certificate, or SEPM's certificate itself (pinned)
 * @param insecure turns TLS verification off (never the default; warned every time a client is built)
 * @param proxy HTTP proxy, {@code host:port} or {@code http://user:password@host:port}
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout per request
 * @param maxAttempts attempts per request on 429 (and, for reads, 5xx and timeouts); commands are not repeated
 * @param resultsLimit most matches {@code sepm.commandStatus} answers as a list (the guide's {@code sep_results_limit})
 * @param scanTimeout how long endpoints get to answer a command (the guide's {@code sep_scan_timeout})
 */
@ConfigurationProperties("riposte.sepm")
public record SepmSettings(
        @DefaultValue("sepm") String name,
        String url,
        String username,
        String password,
        String domain,
        String caCert,
        @DefaultValue("false") boolean insecure,
        String proxy,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("200") int resultsLimit,
        @DefaultValue("1800s") Duration scanTimeout) {

    /** True when a URL is set: the configured connection exists (user name and password are then required). */
    boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "SepmSettings[name=" + name + ", url=" + url + ", username=" + username + ", password="
                + (password == null || password.isBlank() ? null : "(hidden)") + ", domain=" + domain + ", caCert="
                + caCert + ", insecure=" + insecure + ", proxy=" + (proxy == null || proxy.isBlank() ? null : "(set)")
                + "]";
    }
}
