package riposte.server.incident;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The incident API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresIncidentApiTest extends IncidentApiContract {}
