package riposte.server.datatable;

import java.time.Instant;
import java.util.List;

/** A data table definition. {@code builtIn} marks the SEP tables shipped with Riposte. */
record DefinitionView(long id, String name, String displayName, String description, List<Column> columns,
        boolean builtIn, Instant createdAt, Instant updatedAt, long version) {

    Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }

    String columnNames() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}
