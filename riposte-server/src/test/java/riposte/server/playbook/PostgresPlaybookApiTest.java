package riposte.server.playbook;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** Durable playbook runs on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresPlaybookApiTest extends PlaybookApiContract {}
