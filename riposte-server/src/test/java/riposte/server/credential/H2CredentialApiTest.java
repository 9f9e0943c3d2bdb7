package riposte.server.credential;

/** The credential API on H2. */
class H2CredentialApiTest extends CredentialApiContract {}
