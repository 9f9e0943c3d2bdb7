package riposte.server.incident;

/** The incident API on H2. */
class H2IncidentApiTest extends IncidentApiContract {}
