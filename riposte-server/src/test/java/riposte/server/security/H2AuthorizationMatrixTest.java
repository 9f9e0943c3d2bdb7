package riposte.server.security;

/** The authorisation matrix on H2. */
class H2AuthorizationMatrixTest extends AuthorizationMatrixContract {}
