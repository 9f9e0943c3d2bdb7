package riposte.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;

/** Creating, listing and revoking API tokens: everyone manages their own, admins everyone's. Audited. */
@Service
public class TokenService {
    static final String KIND = "api-token";

    private final TokenStore tokens;
    private final TokenVerifier verifier;
    private final TokenUseRecorder uses;
    private final UserStore users;
    private final AuditLog audit;
    private final Clock clock;

    TokenService(TokenStore tokens, TokenVerifier verifier, TokenUseRecorder uses, UserStore users, AuditLog audit,
            Clock clock) {
        this.tokens = tokens;
        this.verifier = verifier;
        this.uses = uses;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes this server's pending "last used" times first, so that the list shows them. */
    public PageResponse<TokenView> list(Caller caller, String owner, PageQuery page) {
        uses.flush();
        String who = caller.isAdmin() ? owner : caller.username();
        return PageResponse.of(tokens.list(who, page), page, tokens.count(who));
    }

    @Transactional
    public TokenView.Created create(Caller caller, TokenView.Create c) {
        String owner = c.owner() == null || c.owner().isBlank() ? caller.username() : c.owner();
        if (!owner.equals(caller.username()) && !caller.isAdmin()) {
            throw new AccessDeniedException("only admins create tokens for other users");
        }
        if (c.expiresAt() != null && c.expiresInDays() != null) {
            throw new InvalidFieldException("expiresAt", "give either expiresAt or expiresInDays, not both");
        }
        Instant expires = c.expiresAt() != null ? c.expiresAt()
                : c.expiresInDays() != null ? clock.instant().plus(Duration.ofDays(c.expiresInDays())) : null;
        if (expires != null && !expires.isAfter(clock.instant())) {
            throw new InvalidFieldException("expiresAt", "must be in the future");
        }
        long userId = users.account(owner).orElseThrow(() -> new InvalidFieldException("owner", "no such user"))
                .view().id();
        String secret = TokenStore.newSecret();
        long id = tokens.insert(userId, c.name(), secret, expires);
        TokenView view = tokens.find(id).orElseThrow();
        audit.record(caller.username(), "create", KIND, id, null, view);
        return new TokenView.Created(id, view.name(), view.owner(), view.prefix(), view.createdAt(), view.expiresAt(),
                secret);
    }

    @Transactional
    public void revoke(Caller caller, long id) {
        TokenView before = tokens.find(id).filter(t -> caller.isAdmin() || t.owner().equals(caller.username()))
                .orElseThrow(() -> new NotFoundException(KIND, id));
        if (before.revoked()) return;
        tokens.revoke(id);
        verifier.forgetToken(id);
        audit.record(caller.username(), "revoke", KIND, id, before, tokens.find(id).orElseThrow());
    }
}
