package riposte.server.console;

import jakarta.servlet.http.HttpServletRequest;

/** Tells htmx requests (which want a fragment) from plain browser requests (which want the whole page). */
public final class Htmx {
    private Htmx() {}

    /** True when htmx sent the request ({@code HX-Request: true}) and it is not a history restore. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** The whole page's template, or only its {@code fragment} for htmx requests. */
    public static String view(HttpServletRequest request, String template, String fragment) {
        return isHtmx(request) ? template + " :: " + fragment : template;
    }
}
