package riposte.server.interchange;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** TLP, exports, imports and TAXII on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresInterchangeApiTest extends InterchangeApiContract {}
