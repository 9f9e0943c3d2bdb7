package riposte.server.console.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A path with query parameters, each value form-encoded. Hand-written rather than Spring's
 * {@code UriComponentsBuilder} because that leaves {@code +} unencoded in query values, and a servlet reads it back
 * as a space: a filter value such as {@code -2+3} would change on the way.
 */
final class Query {
    private final StringBuilder url;
    private boolean first = true;

    Query(String path) {
        url = new StringBuilder(path);
    }

    /** Adds {@code name=value}; a null value is left out. */
    Query add(String name, String value) {
        if (value == null) return this;
        url.append(first ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        first = false;
        return this;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
