package riposte.server.datatable;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The data table API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresDataTableApiTest extends DataTableApiContract {}
