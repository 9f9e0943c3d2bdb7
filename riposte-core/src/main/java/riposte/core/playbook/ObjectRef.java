package riposte.core.playbook;

import java.util.Objects;

/**
 * Identifies the object a run works on: its kind, its table for rows, and its id (an indicator's normalised value,
 * an artifact, incident or row id).
 */
public record ObjectRef(ObjectKind kind, String table, String id) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return kind.variable() + (table == null ? "" : "[" + table + "]") + ":" + id;
    }
}
