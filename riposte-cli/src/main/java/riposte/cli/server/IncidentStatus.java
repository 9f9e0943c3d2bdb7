package riposte.cli.server;

/** Where an incident is in its life, as the server names it. */
enum IncidentStatus { OPEN, IN_PROGRESS, CLOSED }
