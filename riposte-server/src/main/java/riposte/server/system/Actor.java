package riposte.server.system;

/**
 * Who is acting, for the audit log. The security package supplies the bean: the authenticated user's name, or the
 * owner of the API token used; {@value #SYSTEM} outside requests (start-up, background work).
 */
public interface Actor {
    String SYSTEM = "system";

    /** The name recorded as "who" in audit entries for the current request. */
    String current();
}
