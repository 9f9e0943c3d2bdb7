package riposte.server.attachment;

/** The attachment API on H2. */
class H2AttachmentApiTest extends AttachmentApiContract {}
