package riposte.server.indicator;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The indicator API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresIndicatorApiTest extends IndicatorApiContract {}
