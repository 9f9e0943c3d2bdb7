package riposte.core.playbook;

/** Port: attaches a file to an object (for rows and artifacts: to their incident) and returns its id. */
public interface AttachmentWriter {
    String attach(ObjectRef object, String name, String contentType, byte[] content);
}
