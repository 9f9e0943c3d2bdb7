package riposte.server.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.VersionConflictException;

/** User administration, audited; a change of role, password or enabled flag ends the user's console sessions. */
@Service
public class UserService {
    static final String KIND = "user";

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SessionRegistry sessions;
    private final TokenVerifier tokens;

    UserService(UserStore store, PasswordEncoder encoder, AuditLog audit, SessionRegistry sessions,
            TokenVerifier tokens) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Transactional(readOnly = true)
    public PageResponse<UserView> list(PageQuery page) {
        return PageResponse.of(store.list(page), page, store.count());
    }

    @Transactional(readOnly = true)
    UserView get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    public UserView create(String actor, UserView.Create c) {
        Role role = role(c.role());
        if (store.account(c.username()).isPresent()) {
            throw new InvalidFieldException("username", "is already taken");
        }
        long id = store.insert(c.username(), c.displayName(), c.email(), role, encoder.encode(c.password()));
        UserView created = get(id);
        audit.record(actor, "create", KIND, id, null, created);
        return created;
    }

    @Transactional
    public UserView update(String actor, long id, UserView.Update u) {
        UserView before = get(id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        Role role = u.role() == null ? before.role() : role(u.role());
        boolean enabled = u.enabled() == null ? before.enabled() : u.enabled();
        if (before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled)
                && store.countEnabledAdmins() <= 1) {
            throw new InvalidFieldException(u.enabled() != null && !enabled ? "enabled" : "role",
                    "cannot demote or disable the last enabled admin");
        }
        String hash = u.password() == null ? null : encoder.encode(u.password());
        if (!store.update(id, u.version(), pick(u.displayName(), before.displayName()), pick(u.email(), before.email()),
                role, enabled, hash)) {
            throw new VersionConflictException(KIND, id, u.version());
        }
        UserView after = get(id);
        audit.record(actor, "update", KIND, id, before, after);
        if (hash != null) audit.record(actor, "change-password", KIND, id, null, null);
        if (hash != null || role != before.role() || !enabled) endSessions(before.username());
        if (role != before.role() || enabled != before.enabled()) tokens.forgetUser(before.username());
        return after;
    }

    /** Expires every console session of the user; their next request is a 401. */
    void endSessions(String username) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    static Role role(String text) {
        return Role.parse(text).orElseThrow(() -> new InvalidFieldException("role",
                "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "' is not accepted: expected one of "
                        + Role.accepted()));
    }

    private static String pick(String given, String old) {
        return given == null ? old : given.isBlank() ? null : given;
    }

}
