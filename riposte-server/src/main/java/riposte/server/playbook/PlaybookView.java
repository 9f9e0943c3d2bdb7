package riposte.server.playbook;

import java.util.List;

/**
 * A playbook as the API and console list it. Invalid user playbooks are listed too ({@code valid=false}) with every
 * {@code file:line:column} problem, so that whoever wrote one can see why it does not run; their other fields may be
 * empty.
 *
 * @param objectKind what it runs on: {@code indicator}, {@code artifact}, {@code incident} or {@code row}
 * @param table for rows: the data-table name
 * @param condition the activation condition (CEL over the object)
 * @param destructive true when its runs need a responder to start them and a second person to approve them
 * @param triggers its automatic triggers as written, e.g. {@code rule: true} or {@code schedule: 0 0 3 * * *}
 * @param steps its step ids and types in document order, e.g. {@code insight (call ses.fileInsight)}
 */
public record PlaybookView(String id, int version, String name, String description, String objectKind, String table,
        String condition, boolean destructive, boolean builtIn, List<Input> inputs, List<String> steps,
        List<String> triggers, String origin, boolean valid, List<String> problems) {

    /** One input of a run: name, type ({@code text}, {@code number}, {@code boolean}, {@code select}), options. */
    public record Input(String name, String type, String label, boolean required, Object defaultValue,
            List<String> options) {}
}
