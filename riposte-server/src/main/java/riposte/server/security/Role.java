package riposte.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four roles, each including everything the previous one may do: admin ⊃ responder ⊃ analyst ⊃ viewer.
 * The constants are expressions for {@code @PreAuthorize}, e.g. {@code @PreAuthorize(Role.RUN_ACTIONS)} on a
 * controller method that isolates an endpoint; the URL rules in {@link SecurityConfiguration} apply them to the paths
 * that exist today.
 */
public enum Role {
    /** Reads everything except users, other people's tokens, the audit log and settings. */
    VIEWER,
    /** Also creates and edits incidents, artifacts, notes, tasks, indicators and attributes. */
    ANALYST,
    /** Also runs actions on endpoints (isolate, scan, blacklist...). */
    RESPONDER,
    /** Also manages users, other people's API tokens, credentials and settings, and reads the audit log. */
    ADMIN;

    public static final String READ = "hasRole('VIEWER')";
    public static final String EDIT = "hasRole('ANALYST')";
    public static final String RUN_ACTIONS = "hasRole('RESPONDER')";
    public static final String ADMINISTER = "hasRole('ADMIN')";

    /** The Spring Security authority, e.g. {@code ROLE_ANALYST}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
    }

    /** Parses a client-given role name (any case); empty when it is not a role. */
    static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    static String accepted() {
        return Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
