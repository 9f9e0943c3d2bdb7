package riposte.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the security failures (401, 403, 429) as the same {@code application/problem+json} documents that the
 * controllers answer with; these happen in filters, before any controller advice could see them.
 */
@Component
class ProblemWriter implements AuthenticationEntryPoint {
    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** The entry point: a request that needs a user but has none (or a bad token). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(response, "unauthenticated", "Log in (session cookie) or send 'Authorization: Bearer <API token>'",
                "Bearer realm=\"riposte\"");
    }

    void unauthorized(HttpServletResponse response, String type, String detail, String challenge) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, 401, type, "Unauthorized", detail);
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (request, response, e) -> {
            if (SecurityConfiguration.wantsHtml(request)) {
                // a browser: the console's error page (templates/error/403.html) through Boot's error handling
                request.setAttribute("deniedReason", e instanceof CsrfException ? "csrf" : "forbidden");
                response.sendError(403);
            } else if (e instanceof CsrfException) {
                write(response, 403, "csrf", "Forbidden",
                        "A session-authenticated change needs the CSRF token (header X-CSRF-TOKEN or form field _csrf);"
                                + " GET /api/v1/me returns it");
            } else {
                write(response, 403, "forbidden", "Forbidden", "Your role does not allow this request");
            }
        };
    }

    void tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, 429, "too-many-login-attempts", "Too many login attempts",
                "Too many failed logins for this user name or from this address; try again in "
                        + retryAfterSeconds + " s");
    }

    void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:riposte:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
