package riposte.server.system;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three servlet filters around every request.
 *
 * <ul>
 *   <li>The outer one (first of all filters) gives the request an id — the client's {@code X-Request-Id} when it is
 *       a short token of safe characters, else a random one — puts it in the logging MDC as {@code requestId},
 *       echoes it in the response, logs one access line at DEBUG ({@code riposte.server.access}: method, path
 *       without the query, status, milliseconds), and answers a connection-pool timeout that escaped from a filter
 *       (the API-token lookup runs before any controller) with a 503 problem document and {@code Retry-After}.</li>
 *   <li>Right inside it, {@link Admission} lets a bounded number of requests be worked on at once, when configured,
 *       and {@link BodyLimit} turns away JSON bodies over {@code riposte.server.max-body-size}.</li>
 *   <li>The inner one runs after Spring Security and adds the authenticated user name to the MDC as {@code user}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestFilters {
    static final String REQUEST_ID = "requestId";
    static final String USER = "user";
    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestIdFilter(Overload overload) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new RequestIdFilter(overload));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right inside the request id filter, so that a request turned away still has its id and access line. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> admissionFilter(ServerSettings settings, Overload overload,
            MeterRegistry meters) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Admission(
                settings.maxConcurrentRequests(), settings.admissionTimeout(), overload, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Inside admission: a JSON body over {@code riposte.server.max-body-size} is answered 413 before it is read. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodyLimitFilter(ServerSettings settings) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new BodyLimit(settings.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestUserFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new UserFilter());
        // Spring Security's filter chain is at -100 (spring.security.filter.order): this one runs inside it.
        registration.setOrder(0);
        return registration;
    }

    static final class RequestIdFilter extends OncePerRequestFilter {
        private static final Logger access = LoggerFactory.getLogger("riposte.server.access");
        private final Overload overload;

        RequestIdFilter(Overload overload) {
            this.overload = overload;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(HEADER);
            String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
            long start = System.nanoTime();
            MDC.put(REQUEST_ID, id);
            response.setHeader(HEADER, id);
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!Overload.isPoolExhausted(e) || response.isCommitted()) throw e;
                overload.turnAway(response, Overload.DETAIL);
            } finally {
                if (access.isDebugEnabled()) {
                    access.debug("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                            (System.nanoTime() - start) / 1_000_000);
                }
                MDC.remove(USER);
                MDC.remove(REQUEST_ID);
            }
        }
    }

    static final class UserFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && who.isAuthenticated() && who.getName() != null && !"anonymousUser".equals(who.getName())) {
                MDC.put(USER, who.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
