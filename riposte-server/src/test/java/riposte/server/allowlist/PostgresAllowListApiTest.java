package riposte.server.allowlist;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The allow-list API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresAllowListApiTest extends AllowListApiContract {}
