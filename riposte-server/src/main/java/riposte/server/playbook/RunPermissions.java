package riposte.server.playbook;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import riposte.server.security.Role;
import riposte.server.system.Actor;

/**
 * Who may start, approve and cancel which runs, checked in the service so that the REST API and the console obey the
 * same rules: analysts start non-destructive runs, responders start destructive ones and decide approvals, admins do
 * everything. The URL rules let analysts reach the endpoints; this narrows them. Work the server does by itself
 * (rules, schedules: no authenticated caller and the actor {@code system}) is allowed.
 */
@Component
class RunPermissions {
    private final RoleHierarchy roles;

    RunPermissions(RoleHierarchy roles) {
        this.roles = roles;
    }

    void requireToStart(boolean destructive, Actor actor) {
        require(destructive ? Role.RESPONDER : Role.ANALYST, actor,
                destructive ? "starting a destructive playbook needs the responder role" : "starting a playbook needs "
                        + "the analyst role");
    }

    void requireToApprove(Actor actor) {
        require(Role.RESPONDER, actor, "deciding an approval needs the responder role");
    }

    void requireToCancel(boolean destructive, Actor actor) {
        require(destructive ? Role.RESPONDER : Role.ANALYST, actor, "cancelling this run needs the "
                + (destructive ? "responder" : "analyst") + " role");
    }

    private void require(Role role, Actor actor, String message) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            if (Actor.SYSTEM.equals(actor.current())) return;
            throw new AccessDeniedException(message);
        }
        for (GrantedAuthority a : roles.getReachableGrantedAuthorities(auth.getAuthorities())) {
            if (role.authority().equals(a.getAuthority())) return;
        }
        throw new AccessDeniedException(message);
    }
}
