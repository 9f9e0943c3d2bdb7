package riposte.simulator.http;

/** Whether a route needs a valid bearer token. */
public enum Access {
    /** No credentials checked (token endpoints, {@code /_sim/} hooks). */
    PUBLIC,
    /** {@code Authorization: Bearer <token>} issued by the server's {@link BearerTokens}; else 401. */
    BEARER
}
