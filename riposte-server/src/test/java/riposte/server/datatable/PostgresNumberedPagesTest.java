package riposte.server.datatable;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** Numbered data-table pages from cached boundaries, on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresNumberedPagesTest extends NumberedPagesContract {}
