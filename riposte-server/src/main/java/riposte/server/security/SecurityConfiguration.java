package riposte.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Public: {@code /actuator/health}, {@code /api/v1/openapi.json}, the login page and the
 * console's static files. Every other path
 * needs a console session (form login, CSRF-protected) or an API token; the URL rules below give each role its paths,
 * and anything not listed is for admins only, so a new endpoint is closed until someone opens it on purpose (the
 * authorisation matrix test fails until it is listed there too).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt for new hashes
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.RESPONDER.name())
                .role(Role.RESPONDER.name()).implies(Role.ANALYST.name())
                .role(Role.ANALYST.name()).implies(Role.VIEWER.name())
                .build();
    }

    /**
     * No Micrometer observation per security filter, authentication and authorisation: with the actuator on the
     * classpath Spring Security otherwise wraps each of the chain's dozen filters in an observation, which cost a
     * tenth of a token request's CPU (riposte-bench ApiReadBenchmark, JFR). Requests are still timed as a whole
     * ({@code http.server.requests}); failed logins and denials are audited and logged.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Requests carrying {@code Authorization: Bearer}: stateless. Without this chain every token request would go
     * through session management and get a new HTTP session (measured by riposte-bench's ApiReadBenchmark: tens of
     * thousands of sessions, and each request slower than the last).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiTokenFilterChain(HttpSecurity http, ProblemWriter problems, TokenVerifier tokens,
            SecuritySettings settings) throws Exception {
        http.securityMatcher(BearerTokenFilter::hasBearer);
        authorizeRequests(http, settings);
        http.csrf(AbstractHttpConfigurer::disable);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(AbstractHttpConfigurer::disable);
        http.formLogin(AbstractHttpConfigurer::disable);
        http.logout(AbstractHttpConfigurer::disable);
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.exceptionHandling(e -> e.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems.accessDeniedHandler()));
        http.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Console sessions (form login, CSRF) and anonymous requests. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemWriter problems, LoginHandlers login,
            SecuritySettings settings, SessionRegistry sessions) throws Exception {
        authorizeRequests(http, settings);
        http.csrf(c -> c.requireCsrfProtectionMatcher(csrfNeeded()));
        // The login page is the console's (riposte.server.console.LoginController), posting to Spring's filter.
        http.formLogin(f -> f.loginPage("/login").successHandler(login).failureHandler(login));
        http.logout(l -> l.logoutSuccessHandler(login));
        http.httpBasic(AbstractHttpConfigurer::disable);
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                .expiredSessionStrategy(event -> problems.unauthorized(event.getResponse(), "session-expired",
                        "The session was ended (the user was changed or disabled); log in again",
                        "FormBased")));
        // A default (not the) entry point, so that browsers are still sent to the login page at GET /login;
        // everything that does not ask for HTML gets a 401 problem document.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, request -> !wantsHtml(request))
                .accessDeniedHandler(problems.accessDeniedHandler()));
        http.addFilterBefore(login.throttleFilter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** The URL rules, the same for both chains: each role's paths; anything not listed is admin-only. */
    private static void authorizeRequests(HttpSecurity http, SecuritySettings settings) throws Exception {
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/error", "/login", "/actuator/health", "/actuator/health/**", "/api/v1/openapi.json",
                    "/api/v1/openapi.json.yaml", "/console/assets/**", "/webjars/**", "/favicon.ico")
                    .permitAll();
            if (settings.prometheusPublic()) a.requestMatchers("/actuator/prometheus").permitAll();
            a.requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/me", "/api/v1/tokens", "/api/v1/tokens/**").authenticated()
                    .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit", "/api/v1/audit/**",
                            "/api/v1/credentials", "/api/v1/credentials/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/v1/actions", "/api/v1/actions/**").hasRole(Role.RESPONDER.name())
                    // the web console (riposte.server.console): pages for everyone, changes for analysts, settings
                    // and the audit log for admins; individual actions may ask for more (e.g. response playbooks)
                    // the auto-enrichment rules and the allow-list: analysts read them (read-only) and check values,
                    // as GET /api/v1/settings/** and GET /api/v1/allowlist/** allow
                    .requestMatchers(HttpMethod.GET, "/console/settings/enrichment", "/console/settings/allowlist",
                            "/console/settings/allowlist/check").hasRole(Role.ANALYST.name())
                    .requestMatchers("/console/settings", "/console/settings/**", "/console/audit",
                            "/console/audit/**").hasRole(Role.ADMIN.name())
                    .requestMatchers("/console/account", "/console/account/**").hasRole(Role.VIEWER.name())
                    .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").hasRole(Role.VIEWER.name())
                    .requestMatchers("/console", "/console/**").hasRole(Role.ANALYST.name())
                    // the allow-list: reading and checking for analysts, changes for admins (anyRequest below)
                    .requestMatchers(HttpMethod.GET, "/api/v1/allowlist", "/api/v1/allowlist/**")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                    .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.VIEWER.name())
                    .requestMatchers("/api/v1/incidents", "/api/v1/incidents/**", "/api/v1/indicators",
                            "/api/v1/indicators/**", "/api/v1/reports", "/api/v1/reports/**", "/api/v1/enrichment",
                            "/api/v1/enrichment/**",
                            // starting, cancelling and approving runs: PlaybookService narrows these per playbook
                            "/api/v1/playbooks/*/runs", "/api/v1/runs/*/cancel", "/api/v1/runs/*/approvals/*")
                    .hasRole(Role.ANALYST.name())
                    .anyRequest().hasRole(Role.ADMIN.name());
        });
    }

    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * CSRF tokens are required where a browser sends ambient credentials: unsafe methods on requests that carry a
     * session cookie, and the login form itself (against login CSRF). Requests with an API token are exempt (a
     * browser never adds that header by itself), and so are requests with no session, which are anonymous anyway
     * and answered 401.
     */
    static RequestMatcher csrfNeeded() {
        return (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
                && !BearerTokenFilter.hasBearer(request)
                && (request.getRequestedSessionId() != null || "/login".equals(request.getServletPath()));
    }
}
