package riposte.server.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller of a request: user name, role, and whether an API token (rather than a session) was used. */
public record Caller(String username, Role role, boolean viaToken) {

    public static Caller of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("no authenticated caller");
        }
        Role role = Role.VIEWER;
        for (GrantedAuthority a : auth.getAuthorities()) {
            Role r = Role.fromAuthority(a.getAuthority()).orElse(Role.VIEWER);
            if (r.includes(role)) role = r;
        }
        return new Caller(auth.getName(), role, auth instanceof TokenAuthentication);
    }

    public boolean isAdmin() {
        return role.includes(Role.ADMIN);
    }
}
