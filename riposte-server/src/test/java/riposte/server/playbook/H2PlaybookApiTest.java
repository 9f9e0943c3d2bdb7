package riposte.server.playbook;

/** Durable playbook runs on H2. */
class H2PlaybookApiTest extends PlaybookApiContract {}
