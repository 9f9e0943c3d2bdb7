package riposte.server.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.access.AccessDeniedException;
import riposte.server.security.Role;

/**
 * The logged-in user as the console shows it: the name and the highest role held (the role hierarchy gives the
 * lower ones). Templates use {@code me.admin} to show admin-only navigation, {@code me.can('ANALYST')} for buttons.
 */
public record ConsoleUser(String username, Role role) {

    /** The user of an authenticated request. */
    public static ConsoleUser of(Authentication auth) {
        Role highest = Role.VIEWER;
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority()) && r.includes(highest)) highest = r;
            }
        }
        return new ConsoleUser(auth.getName(), highest);
    }

    public boolean admin() {
        return role.includes(Role.ADMIN);
    }

    /** Whether the user has at least the named role (VIEWER, ANALYST, RESPONDER, ADMIN). */
    public boolean can(String roleName) {
        return role.includes(Role.valueOf(roleName));
    }

    /** The role in lower case, as the console shows it. */
    public String roleName() {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Throws 403 (the console's forbidden page) unless the user has {@code minimum}. */
    public void require(Role minimum) {
        if (!role.includes(minimum)) throw new AccessDeniedException("needs the " + minimum + " role");
    }
}
