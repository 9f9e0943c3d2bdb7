package riposte.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens around the form login at {@code POST /login} (fields {@code username}, {@code password},
 * {@code _csrf}) and {@code POST /logout}: rate limiting, audit records, and the answer — a redirect for browsers
 * (Accept: text/html), JSON or a problem document for everything else.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {
    private static final Logger log = LoggerFactory.getLogger(LoginHandlers.class);

    private final LoginThrottle throttle;
    private final SecurityAudit audit;
    private final ProblemWriter problems;
    private final JsonMapper json;

    LoginHandlers(LoginThrottle throttle, SecurityAudit audit, ProblemWriter problems, JsonMapper json) {
        this.throttle = throttle;
        this.audit = audit;
        this.problems = problems;
        this.json = json;
    }

    /** Runs before the login filter: a blocked user name or address gets a 429 without its password being checked. */
    OncePerRequestFilter throttleFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                Optional<Duration> wait = throttle.retryAfter(request.getParameter("username"), request.getRemoteAddr());
                if (wait.isPresent()) {
                    problems.tooManyAttempts(response, Math.max(1, (wait.get().toMillis() + 999) / 1000));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        throttle.succeeded(auth.getName());
        audit.login(auth.getName(), request.getRemoteAddr());
        if (wantsHtml(request)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Caller caller = Caller.of(auth);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", caller.username());
        body.put("role", caller.role());
        body.put("authenticatedBy", "session");
        body.put("csrfHeader", csrf == null ? null : csrf.getHeaderName());
        body.put("csrfToken", csrf == null ? null : csrf.getToken());
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(json.writeValueAsString(body));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String username = request.getParameter("username");
        String address = request.getRemoteAddr();
        boolean blocked = throttle.failed(username, address);
        audit.loginFailed(username, address, e instanceof DisabledException ? "disabled" : "bad credentials");
        if (blocked) {
            log.warn("Login attempts blocked for a while after repeated failures (user name or address {})", address);
        }
        if (wantsHtml(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        problems.unauthorized(response, "bad-credentials",
                "The user name or password is wrong, or the account is disabled", "FormBased");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        if (auth != null) audit.logout(auth.getName(), request.getRemoteAddr());
        if (wantsHtml(request)) {
            response.sendRedirect(request.getContextPath() + "/login?logout");
            return;
        }
        response.setStatus(204);
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        return SecurityConfiguration.wantsHtml(request);
    }
}
