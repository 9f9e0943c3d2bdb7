package riposte.server.attachment;

import java.time.Instant;

/** An attachment's metadata; the content is at {@code .../attachments/{id}/content}. */
public record AttachmentView(long id, long incidentId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant createdAt) {}
