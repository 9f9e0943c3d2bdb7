package riposte.server.report;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The report API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresReportApiTest extends ReportApiContract {}
