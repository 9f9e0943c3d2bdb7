package riposte.server.ingest;

/** E-mail ingestion on H2. */
class H2MailIngestApiTest extends MailIngestApiContract {}
