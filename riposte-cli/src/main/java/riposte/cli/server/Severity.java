package riposte.cli.server;

/** An incident's severity, as the server names it. */
enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
