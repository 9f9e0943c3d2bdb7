package riposte.server.indicator;

/** The indicator API on H2. */
class H2IndicatorApiTest extends IndicatorApiContract {}
