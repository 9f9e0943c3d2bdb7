package riposte.server.security;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** Security over HTTP on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresSecurityApiTest extends SecurityApiContract {}
