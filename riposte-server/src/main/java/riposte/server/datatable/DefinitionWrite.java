package riposte.server.datatable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new definition (POST: name, displayName, columns required) or a change (PATCH: version required, name fixed;
 * absent fields stay as they are). {@code group} is the incident tab that shows the table, e.g.
 * "Symantec SEP - Threats"; an empty string in a PATCH removes it.
 */
record DefinitionWrite(
        @Pattern(regexp = "[a-z][a-z0-9_]{0,99}", message = "must be 1 to 100 of a-z, 0-9 and _, starting with a letter")
        String name,
        @Size(min = 1, max = 200) String displayName,
        @Size(max = 2000) String description,
        @Size(max = 200) String group,
        @Size(min = 1, max = 100, message = "must have 1 to 100 columns") List<@Valid Column> columns,
        Long version) {}
