package riposte.server.ingest;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** E-mail ingestion on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresMailIngestApiTest extends MailIngestApiContract {}
