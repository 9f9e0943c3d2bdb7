package riposte.server.report;

/** The report API on H2. */
class H2ReportApiTest extends ReportApiContract {}
