package riposte.core.playbook;

import java.time.Instant;

/** Port: sets an attribute on an object, replacing the previous value of the same name and source. */
public interface AttributeWriter {
    /** An attribute value with where it came from and when it was last updated. */
    record Attribute(String name, String value, String source, Instant updatedAt) {}

    void write(ObjectRef object, Attribute attribute);
}
