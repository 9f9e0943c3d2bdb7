package riposte.server.datatable;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A column of a data table: machine {@code name}, display {@code label}, {@code type}, and {@code options} for select. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(String name, String label, String type, List<String> options) {

    ColumnType columnType() {
        return ColumnType.parse(type).orElseThrow();
    }
}
