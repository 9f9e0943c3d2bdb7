package riposte.cli.config;

import java.util.Locale;

/**
 * Every setting the CLI reads, declared once. The same key serves the config file ({@code ses.client-id} in
 * {@code riposte.yml}) and the environment ({@code RIPOSTE_SES_CLIENT_ID}); {@code docs/configuration.md} is checked
 * against this list by a test.
 */
public enum Setting {
    SES_URL("ses.url", "https://api.sep.securitycloud.symantec.com",
            "Base URL of the SES Threat Intel API. EU tenants: https://api.sep.eu.securitycloud.symantec.com, "
                    + "India: https://api.sep.in.securitycloud.symantec.com. Plain http:// is accepted for loopback hosts only."),
    SES_CLIENT_ID("ses.client-id", null, "Client ID of the SES client application (Integration > Client Applications)."),
    SES_CLIENT_SECRET("ses.client-secret", null, "Client secret of that application. Secret: never printed or logged."),
    SES_OAUTH_CREDENTIALS("ses.oauth-credentials", null,
            "The console's pre-encoded \"OAuth credentials\" value (base64 of id:secret, with or without \"Basic \"); "
                    + "used instead of client ID and secret. Secret."),
    SES_CA_CERT("ses.ca-cert", null,
            "PEM file with extra CA certificates to trust (for a TLS-inspecting proxy). Verification is never turned off."),
    SES_PROXY("ses.proxy", null, "HTTP proxy as host:port or http://user:password@host:port."),
    SES_CONNECT_TIMEOUT("ses.connect-timeout", "10s", "Connect timeout (e.g. 10s, 500ms, 1m)."),
    SES_READ_TIMEOUT("ses.read-timeout", "30s", "Read timeout per request."),
    SES_RATE_LIMIT("ses.rate-limit", null,
            "Requests per second the service allows, where known. Unset: the rate governor learns it from 429 answers."),
    SES_MAX_ATTEMPTS("ses.max-attempts", "5", "Attempts per request on 429, 5xx and timeouts (1 = no retry)."),
    SES_MAX_CONCURRENCY("ses.max-concurrency", "16", "Most requests in flight at once per credential."),
    SEPM_URL("sepm.url", null, "Base URL of the SEPM server, e.g. https://sepm.example.org:8446 (the /sepm/api/v1 path is added)."),
    SEPM_USERNAME("sepm.username", null, "SEPM administrator user name."),
    SEPM_PASSWORD("sepm.password", null, "That administrator's password. Secret: never printed or logged."),
    SEPM_DOMAIN("sepm.domain", "", "SEPM domain to log in to; empty means the default domain."),
    SEPM_CA_CERT("sepm.ca-cert", null,
            "PEM file with the CA or the pinned server certificate to trust (SEPM usually has a self-signed one)."),
    SEPM_INSECURE("sepm.insecure", "false",
            "true turns TLS verification off for SEPM. Dangerous: a warning is printed every time. Prefer sepm.ca-cert."),
    SEPM_PROXY("sepm.proxy", null, "HTTP proxy for SEPM as host:port or http://user:password@host:port."),
    SEPM_CONNECT_TIMEOUT("sepm.connect-timeout", "10s", "Connect timeout for SEPM."),
    SEPM_READ_TIMEOUT("sepm.read-timeout", "60s", "Read timeout per SEPM request."),
    SEPM_MAX_ATTEMPTS("sepm.max-attempts", "5", "Attempts per SEPM request on 429, 5xx and timeouts."),
    CACHE_TTL_INSIGHT("cache.ttl.insight", "1h", "How long an insight answer is reused in one process."),
    CACHE_TTL_PROTECTION("cache.ttl.protection", "6h", "How long a protection answer is reused."),
    CACHE_TTL_RELATED("cache.ttl.related", "24h", "How long a related-indicators answer is reused."),
    CACHE_TTL_PROCESS_CHAIN("cache.ttl.process-chain", "24h", "How long a process-chain answer is reused."),
    CACHE_TTL_HISTORY("cache.ttl.history", "24h", "How long a network-history answer is reused."),
    SERVER_URL("server.url", "http://127.0.0.1:8080",
            "Base URL of the Riposte server for riposte incident and riposte indicator (/api/v1 is added). "
                    + "Plain http:// is accepted for loopback hosts only."),
    SERVER_API_TOKEN("server.api-token", null, "RIPOSTE_API_TOKEN",
            "API token (rip_...) the commands send as 'Authorization: Bearer'. Secret: never printed or logged."),
    SERVER_CA_CERT("server.ca-cert", null,
            "PEM file with the CA certificates to trust for an https:// server.url signed by a private CA."),
    SERVER_CONNECT_TIMEOUT("server.connect-timeout", "10s", "Connect timeout for the Riposte server."),
    SERVER_READ_TIMEOUT("server.read-timeout", "30s", "Read timeout per Riposte server request.");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final String environmentVariable;

    Setting(String key, String defaultValue, String description) {
        this(key, defaultValue, null, description);
    }

    /** A setting whose environment variable is not derived from its key (e.g. RIPOSTE_API_TOKEN). */
    Setting(String key, String defaultValue, String environmentVariable, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.environmentVariable = environmentVariable;
    }

    /** The dotted key used in {@code riposte.yml}. */
    public String key() {
        return key;
    }

    /**
     * The environment variable: {@code RIPOSTE_} plus the key in upper case with {@code .} and {@code -} as {@code _},
     * except where one is declared ({@code server.api-token} is {@code RIPOSTE_API_TOKEN}).
     */
    public String environmentVariable() {
        if (environmentVariable != null) return environmentVariable;
        return "RIPOSTE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Secrets are masked by {@code riposte config show} and never logged. */
    public boolean secret() {
        return this == SES_CLIENT_SECRET || this == SES_OAUTH_CREDENTIALS || this == SEPM_PASSWORD || this == SERVER_API_TOKEN;
    }
}
