package riposte.server.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers for console pages. The Content-Security-Policy allows scripts, styles, images and frames from
 * Riposte itself only, and no inline scripts or styles: an injected {@code <script>} would not run even if an
 * escaping mistake let one through. htmx is told (in the layout's {@code htmx-config} meta) not to inject its
 * indicator style and never to evaluate strings, so it works under this policy.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleHeaders() {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CSP);
                response.setHeader("Referrer-Policy", "same-origin");
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.addUrlPatterns("/", "/login", "/console", "/console/*");
        registration.setName("consoleHeaders");
        return registration;
    }
}
