package riposte.server.enrichment;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The enrichment playbooks on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresEnrichmentPlaybooksTest extends EnrichmentPlaybooksContract {}
