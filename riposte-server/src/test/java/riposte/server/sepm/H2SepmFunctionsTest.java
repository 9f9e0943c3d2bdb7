package riposte.server.sepm;

/** The sepm.* functions on H2. */
class H2SepmFunctionsTest extends SepmFunctionsContract {}
