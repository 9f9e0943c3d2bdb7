package riposte.server.sepm;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The sepm.* functions on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresSepmFunctionsTest extends SepmFunctionsContract {}
