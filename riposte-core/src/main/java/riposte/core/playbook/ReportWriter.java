package riposte.core.playbook;

import java.time.Instant;
import java.util.List;

/** Port: creates a report associated with an object and returns its id. Values are raw text; renderers escape. */
public interface ReportWriter {
    /** A report: title, the description block as labelled fields in order, optional raw JSON, source and time. */
    record Report(String title, List<Field> fields, String raw, String source, Instant createdAt) {
        public Report {
            fields = List.copyOf(fields);
        }
    }

    /** One labelled line of a report's description block. */
    record Field(String label, String value) {}

    String create(ObjectRef object, Report report);
}
