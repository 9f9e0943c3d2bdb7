package riposte.cli.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.config.Setting;
import riposte.cli.io.Terminal;
import tools.jackson.databind.JsonNode;

/**
 * A failed API call, read from the server's {@code application/problem+json} answer, and the message and exit code
 * it becomes: 401 → 3, 403 → 3 (naming the role needed), 400/404/409 → 2, 429/5xx and anything else → 4.
 * Server-supplied text is passed through {@link Terminal#safe}.
 */
record ApiFailure(String method, URI server, int status, String type, String detail, List<FieldError> errors) {

    /** One entry of the problem's {@code errors} array. */
    record FieldError(String field, String message) {}

    static ApiFailure of(String method, URI server, int status, JsonNode problem) {
        String type = text(problem, "type");
        String detail = text(problem, "detail");
        if (detail == null) detail = text(problem, "title");
        List<FieldError> errors = new ArrayList<>();
        if (problem != null && problem.get("errors") != null && problem.get("errors").isArray()) {
            for (JsonNode e : problem.get("errors")) {
                errors.add(new FieldError(Terminal.safe(text(e, "field")), Terminal.safe(text(e, "message"))));
            }
        }
        return new ApiFailure(method, server, status, type == null ? "" : type, Terminal.safe(detail), errors);
    }

    int exitCode() {
        return switch (status) {
            case 401, 403 -> ExitCodes.AUTHENTICATION;
            case 400, 404, 405, 409, 413, 415, 422 -> ExitCodes.USAGE;
            default -> ExitCodes.UPSTREAM;
        };
    }

    String message() {
        String token = Setting.SERVER_API_TOKEN.environmentVariable();
        return switch (status) {
            case 401 -> "the API token was refused by " + server + ": check " + token
                    + " (a revoked or expired token, or one whose owner is disabled, is refused too)";
            case 403 -> "the server refused: " + (detail.isEmpty() ? "your role does not allow this request" : lower(detail))
                    + " (" + roleNeeded() + ")";
            case 409 -> !type.endsWith(":version-conflict") ? "the server refused a conflicting change: " + detail
                    : detail.contains("changed by someone else") ? detail
                    : "it was changed by someone else since it was read: fetch it again and reapply your change";
            case 400 -> invalid();
            case 404 -> detail.isEmpty() ? "not found" : detail;
            default -> status >= 500
                    ? "the server at " + server + " failed (HTTP " + status + "): " + detail
                            + "; is `riposte serve` running at " + server + "? Its log has the details"
                    : "the server answered HTTP " + status + ": " + detail;
        };
    }

    CliException exception() {
        return new CliException(exitCode(), message());
    }

    private String roleNeeded() {
        return "GET".equals(method)
                ? "reading needs the viewer role or higher"
                : "creating and changing incidents and indicators needs the analyst role or higher";
    }

    private String invalid() {
        if (errors.isEmpty()) return "the server refused the request: " + detail;
        StringBuilder m = new StringBuilder("the server refused the request:");
        for (FieldError e : errors) m.append(errors.size() == 1 ? " " : "\n  ").append(e.field()).append(": ").append(e.message());
        return m.toString();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.get(field) == null || node.get(field).isNull()) return null;
        return node.get(field).asString();
    }
}
