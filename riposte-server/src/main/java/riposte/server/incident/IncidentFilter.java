package riposte.server.incident;

/**
 * Which incidents to list; null fields do not filter. {@code text} matches a part of the name or the description,
 * ignoring case.
 */
public record IncidentFilter(IncidentStatus status, Severity severity, String owner, String text) {
    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null);
}
