package riposte.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who you are, your role, how you authenticated, and, for a console session, the CSRF token
 * that changes (POST, PATCH, PUT, DELETE) must carry in the {@code X-CSRF-TOKEN} header.
 */
@RestController
class MeController {

    /** @param csrfHeader and {@code csrfToken} are null for API-token requests, which need no CSRF token */
    record Me(String username, Role role, String authenticatedBy, String csrfHeader, String csrfToken) {}

    @GetMapping("/api/v1/me")
    Me me(Authentication auth, HttpServletRequest request) {
        Caller caller = Caller.of(auth);
        if (caller.viaToken()) return new Me(caller.username(), caller.role(), "api-token", null, null);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Me(caller.username(), caller.role(), "session",
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
