package riposte.server.playbook.ports;

import java.util.Map;
import org.springframework.stereotype.Component;
import riposte.core.playbook.DataTableWriter;
import riposte.core.playbook.ObjectRef;
import riposte.server.datatable.DataTables;

/** Rows of a data table of the object's incident; a key updates the row that carries it. */
@Component
class ServerDataTableWriter implements DataTableWriter {
    private final Subjects subjects;
    private final DataTables tables;

    ServerDataTableWriter(Subjects subjects, DataTables tables) {
        this.subjects = subjects;
        this.tables = tables;
    }

    @Override
    public String upsert(ObjectRef object, String table, String key, Map<String, Object> values) {
        return Subjects.guarded(() -> String.valueOf(tables.upsert(Subjects.ACTOR,
                subjects.incidentOf(object, "data-table rows"), table, key, values)));
    }
}
