package riposte.server.playbook.ports;

import org.springframework.stereotype.Component;
import riposte.core.playbook.AttachmentWriter;
import riposte.core.playbook.ObjectRef;
import riposte.server.attachment.Attachments;

/** Attachments on the object's incident, stored once by SHA-256 like uploads. */
@Component
class ServerAttachmentWriter implements AttachmentWriter {
    private final Subjects subjects;
    private final Attachments attachments;

    ServerAttachmentWriter(Subjects subjects, Attachments attachments) {
        this.subjects = subjects;
        this.attachments = attachments;
    }

    @Override
    public String attach(ObjectRef object, String name, String contentType, byte[] content) {
        return Subjects.guarded(() -> String.valueOf(attachments.attach(Subjects.ACTOR,
                subjects.incidentOf(object, "attachments"), name, contentType, content)));
    }
}
