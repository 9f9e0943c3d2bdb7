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
    SERVER_READ_TIMEOUT("server.read-timeout", "30s", "Read timeout per Riposte server request."),

    // What riposte serve itself reads (riposte.server; the environment variables are the server's own names).
    SES_CACHE_ENTRIES("ses.cache-entries", "100000",
            "Threat Intelligence answers the server keeps in memory (the CLI caches per process)."),
    DB_URL("db.url", "jdbc:h2:file:./data/riposte", "JDBC URL of the server's database: H2 by default, "
            + "jdbc:postgresql://host:5432/riposte for PostgreSQL."),
    DB_USER("db.user", "sa", "Database user."),
    DB_PASSWORD("db.password", null, "Database password. Secret."),
    DB_POOL_SIZE("db.pool-size", "10", "Database connections the server keeps (HikariCP)."),
    DB_POOL_TIMEOUT_MS("db.pool-timeout-ms", "5000",
            "Milliseconds a request waits for a free connection before it is answered 503 with Retry-After."),
    SERVE_PORT("server.port", "8080", "RIPOSTE_PORT", "HTTP port the server listens on."),
    SERVE_ADDRESS("server.address", "127.0.0.1", "Interface the server listens on (0.0.0.0: all)."),
    SERVE_FORWARD_HEADERS("server.forward-headers", "none", "RIPOSTE_FORWARD_HEADERS", "native behind a reverse proxy on a private or "
            + "loopback address: X-Forwarded-For/-Proto give the client address and https (Secure cookies)."),
    SERVE_SECURE_COOKIE("server.secure-cookie", "false", "RIPOSTE_SECURE_COOKIE",
            "true marks the session cookie Secure whatever the request looked like."),
    SERVE_ADMIN_PASSWORD("server.admin-password", null, "RIPOSTE_ADMIN_PASSWORD",
            "Password of the first admin, used on the first start only. Secret."),
    SERVE_ADMIN_API_TOKEN("server.admin-api-token", null, "RIPOSTE_ADMIN_API_TOKEN",
            "An API token created for the first admin, for automation. Secret."),
    SERVE_PROMETHEUS_PUBLIC("server.prometheus-public", "false", "RIPOSTE_PROMETHEUS_PUBLIC",
            "true opens /actuator/prometheus to anyone (otherwise admins only)."),
    SERVE_TOKEN_CACHE_TTL("server.token-cache-ttl", "5s", "RIPOSTE_TOKEN_CACHE_TTL",
            "How long a valid API token is trusted before it is read again: the delay before a revocation made on"
                    + " another server of a cluster takes effect (0: every request)."),
    SERVE_DATA_DIR("server.data-dir", "./data", "RIPOSTE_DATA_DIR", "Where the generated secret.key is kept."),
    SERVE_BLOB_DIR("server.blob-dir", "./data/blobs", "RIPOSTE_BLOB_DIR", "Where attachment contents are stored."),
    SERVE_BLOB_SWEEP_INTERVAL("server.blob-sweep-interval", "1h", "RIPOSTE_BLOB_SWEEP_INTERVAL",
            "How often contents that nothing refers to any more are deleted."),
    SERVE_BLOB_SWEEP_GRACE("server.blob-sweep-grace", "1h", "RIPOSTE_BLOB_SWEEP_GRACE",
            "How old such contents must be before they are deleted (at least 1m)."),
    SERVE_MAX_UPLOAD_SIZE("server.max-upload-size", "50MB", "RIPOSTE_MAX_UPLOAD_SIZE", "Largest attachment upload."),
    SERVE_MAX_CONCURRENT_REQUESTS("server.max-concurrent-requests", "0", "RIPOSTE_MAX_CONCURRENT_REQUESTS",
            "Requests worked on at once; the others wait their turn in order (0, the default: no limit)."),
    SERVE_ADMISSION_TIMEOUT("server.admission-timeout", "5s", "RIPOSTE_ADMISSION_TIMEOUT",
            "How long a request waits for its turn before it is answered 503 with Retry-After."),
    SERVE_SECRET_KEY("server.secret-key", null, "RIPOSTE_SECRET_KEY",
            "Base64 of the 32-byte key stored credentials are encrypted with. Secret."),
    SERVE_SECRET_KEY_FILE("server.secret-key-file", null, "RIPOSTE_SECRET_KEY_FILE", "A file holding that key."),
    SERVE_LOG_FORMAT("server.log-format", "text", "RIPOSTE_LOG_FORMAT",
            "text, or json (Elastic Common Schema), ecs, logstash or gelf: one JSON object per line on stdout."),
    PLAYBOOKS_DIR("playbooks.dir", "./data/playbooks", "Folder of user playbooks the server reads at start."),
    PLAYBOOKS_AUTO_ENRICHMENT("playbooks.auto-enrichment", "true", "RIPOSTE_AUTO_ENRICHMENT",
            "Whether enrichment playbooks run by themselves on new indicators."),
    SCHEDULER_POLLING_INTERVAL("scheduler.polling-interval", "1s",
            "How often each server node looks for due durable work.");

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
        return this == SES_CLIENT_SECRET || this == SES_OAUTH_CREDENTIALS || this == SEPM_PASSWORD || this == SERVER_API_TOKEN
                || this == DB_PASSWORD || this == SERVE_ADMIN_PASSWORD || this == SERVE_ADMIN_API_TOKEN
                || this == SERVE_SECRET_KEY;
    }

    /**
     * Settings only {@code riposte serve} reads (it also reads the {@code ses.*} ones): the server takes them as the
     * {@code RIPOSTE_*} variables named in its {@code application.yml}.
     */
    public boolean forServer() {
        return ordinal() >= SES_CACHE_ENTRIES.ordinal();
    }
}
