package riposte.server.incident;

/** How bad an incident is, in increasing order. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
