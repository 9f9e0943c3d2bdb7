package riposte.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.security}.
 *
 * @param adminPassword password for the {@code admin} user created on first start ({@code RIPOSTE_ADMIN_PASSWORD});
 *     when empty a strong one is generated and printed once
 * @param adminApiToken an API token ({@code rip_...}) to create for the first admin ({@code RIPOSTE_ADMIN_API_TOKEN}),
 *     for automation; only its hash is stored
 * @param prometheusPublic whether {@code /actuator/prometheus} is open to anyone (default: admins only)
 * @param login rate limiting of login attempts
 * @param tokenCacheTtl how long a server trusts an API token it found valid before it reads it again
 *     ({@code RIPOSTE_TOKEN_CACHE_TTL}); revoking a token or changing its user acts at once on the server that did it
 *     and within this delay on the others; {@code 0} reads the token on every request
 */
@ConfigurationProperties("riposte.security")
public record SecuritySettings(
        String adminPassword,
        String adminApiToken,
        @DefaultValue("false") boolean prometheusPublic,
        @DefaultValue Login login,
        @DefaultValue("5s") Duration tokenCacheTtl) {

    /**
     * @param maxFailuresPerUser failed logins for one user name before it is blocked
     * @param maxFailuresPerAddress failed logins from one client address before it is blocked
     * @param backoff how long the first block lasts; it doubles with every further failure
     * @param maxBackoff the longest block
     * @param trackedKeys how many user names and addresses are remembered (the oldest are forgotten first)
     */
    public record Login(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("30s") Duration backoff,
            @DefaultValue("15m") Duration maxBackoff,
            @DefaultValue("100000") int trackedKeys) {}

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isEmpty();
    }

    boolean hasAdminApiToken() {
        return adminApiToken != null && !adminApiToken.isBlank();
    }

    /** Never shows the secrets, so that they cannot end up in a log or an exception message. */
    @Override
    public String toString() {
        return "SecuritySettings[adminPassword=" + (hasAdminPassword() ? "(set)" : "(none)")
                + ", adminApiToken=" + (hasAdminApiToken() ? "(set)" : "(none)")
                + ", prometheusPublic=" + prometheusPublic + ", login=" + login + ", tokenCacheTtl=" + tokenCacheTtl + "]";
    }
}
