package riposte.server.security;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The authorisation matrix on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresAuthorizationMatrixTest extends AuthorizationMatrixContract {}
