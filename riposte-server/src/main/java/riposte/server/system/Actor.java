package riposte.server.system;

import org.springframework.stereotype.Component;

/**
 * Who is acting, for the audit log. Until security lands every request acts as {@value #SYSTEM}; the security slice
 * replaces this bean with one that reads the authenticated user.
 */
@Component
public class Actor {
    public static final String SYSTEM = "system";

    /** The name recorded as "who" in audit entries for the current request. */
    public String current() {
        return SYSTEM;
    }
}
