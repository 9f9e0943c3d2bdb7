package riposte.server.credential;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The credential API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresCredentialApiTest extends CredentialApiContract {}
