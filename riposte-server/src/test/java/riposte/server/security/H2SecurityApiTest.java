package riposte.server.security;

/** Security over HTTP on H2. */
class H2SecurityApiTest extends SecurityApiContract {}
