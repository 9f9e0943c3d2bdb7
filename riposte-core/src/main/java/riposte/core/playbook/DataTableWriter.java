package riposte.core.playbook;

import java.util.Map;

/** Port: adds a row to a data table of the object's incident, or updates the row with the same key. */
public interface DataTableWriter {
    /**
     * @param key null to always add a row
     * @return the row id
     */
    String upsert(ObjectRef object, String table, String key, Map<String, Object> values);
}
