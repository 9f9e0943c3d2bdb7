package riposte.server.datatable;

import java.time.Instant;
import java.util.List;

/**
 * A data table definition. {@code builtIn} marks the SEP tables shipped with Riposte; {@code group} names the incident
 * tab that shows the table in the console (tables sharing a group share a tab; null: a tab of its own).
 */
public record DefinitionView(long id, String name, String displayName, String description, String group,
        List<Column> columns, boolean builtIn, Instant createdAt, Instant updatedAt, long version) {

    /** The column named {@code columnName}, or null. */
    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }

    String columnNames() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}
