package riposte.server.attachment;

import java.io.ByteArrayInputStream;
import org.springframework.stereotype.Component;

/** Attachments for other server features (playbook ports): attach bytes to an incident, as an upload would. */
@Component
public class Attachments {
    private final AttachmentService service;

    Attachments(AttachmentService service) {
        this.service = service;
    }

    /** Stores the content under the incident and returns the attachment id; the name is cleaned as for uploads. */
    public long attach(String actor, long incidentId, String name, String contentType, byte[] content) {
        String fileName = AttachmentService.fileName(name);
        return service.store(actor, incidentId, fileName, AttachmentService.contentType(contentType, fileName),
                new ByteArrayInputStream(content)).id();
    }
}
