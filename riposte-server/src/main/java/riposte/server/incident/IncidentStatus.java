package riposte.server.incident;

/** Where an incident is in its life. */
public enum IncidentStatus { OPEN, IN_PROGRESS, CLOSED }
