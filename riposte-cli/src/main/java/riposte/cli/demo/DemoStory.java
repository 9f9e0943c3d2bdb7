package riposte.cli.demo;

import java.util.List;

/**
 * What the demo seeds: a few incidents with artifacts, notes and data-table rows, and tagged indicators. Built by
 * {@link DemoStoryBuilder} from the simulators so that it matches what they answer.
 */
record DemoStory(List<Incident> incidents, List<Indicator> indicators) {

    /** An artifact; {@code type} null lets the server's indicator parser decide. */
    record Artifact(String type, String value, String description, boolean allowListed) {
        static Artifact of(String value, String description) {
            return new Artifact(null, value, description, false);
        }
    }

    record Incident(String name, String type, String severity, String description, List<Artifact> artifacts,
            List<String> notes, List<Row> rows) {}

    /** A row of a data table (by name, e.g. {@code sep_endpoint_details}): cells by column name. */
    record Row(String table, java.util.Map<String, Object> cells) {}

    record Indicator(String type, String value, String verdict, int confidence, List<String> tags) {}
}
