package riposte.server.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import riposte.server.system.Actor;

/** The audit log's "who": the logged-in user, or the owner of the API token; {@code system} outside requests. */
@Component
class SecurityActor implements Actor {

    @Override
    public String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return SYSTEM;
        return auth.getName();
    }
}
