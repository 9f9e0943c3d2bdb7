package riposte.server.settings;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The auto-enrichment settings API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresAutoEnrichmentSettingsApiTest extends AutoEnrichmentSettingsApiContract {}
