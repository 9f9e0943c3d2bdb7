package riposte.server.interchange;

/** TLP, exports, imports and TAXII on H2. */
class H2InterchangeApiTest extends InterchangeApiContract {}
