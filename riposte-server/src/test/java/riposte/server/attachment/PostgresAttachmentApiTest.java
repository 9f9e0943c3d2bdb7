package riposte.server.attachment;

import org.springframework.context.annotation.Import;
import riposte.server.EmbeddedPostgresDatabase;

/** The attachment API on PostgreSQL. */
@Import(EmbeddedPostgresDatabase.class)
class PostgresAttachmentApiTest extends AttachmentApiContract {}
