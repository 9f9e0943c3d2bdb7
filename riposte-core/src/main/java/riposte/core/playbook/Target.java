package riposte.core.playbook;

import java.util.Objects;

/**
 * What a playbook runs on: an object kind, the data table for {@link ObjectKind#ROW}, and an activation condition in
 * CEL over the object ({@code "true"} when the YAML gives none).
 */
public record Target(ObjectKind kind, String table, String condition) {
    public Target {
        Objects.requireNonNull(kind, "kind");
        if (condition == null || condition.isBlank()) condition = "true";
    }

    /** True if an object of {@code kind} (and, for rows, of {@code table}) may run this playbook. */
    public boolean accepts(ObjectKind kind, String table) {
        return this.kind == kind && (this.kind != ObjectKind.ROW || Objects.equals(this.table, table));
    }
}
