package riposte.cli.demo;

import java.util.List;

/**
 * What the demo seeds: allow-list entries, a few incidents with artifacts, notes and data-table rows, and tagged
 * indicators. Built by {@link DemoStoryBuilder} from the simulators so that it matches what they answer.
 */
record DemoStory(List<AllowListEntry> allowList, List<Incident> incidents, List<Indicator> indicators) {

    /** An allow-list entry ({@code 8.8.8.8}, {@code private}, ...) with the reason shown on what it flags. */
    record AllowListEntry(String value, String reason) {}

    /**
     * An artifact; {@code type} null lets the server's indicator parser decide. Whether it is allow-listed is the
     * allow-list's call (the server flags it at creation), not the story's.
     */
    record Artifact(String type, String value, String description) {
        static Artifact of(String value, String description) {
            return new Artifact(null, value, description);
        }
    }

    record Incident(String name, String type, String severity, String description, List<Artifact> artifacts,
            List<String> notes, List<Row> rows) {}

    /** A row of a data table (by name, e.g. {@code sep_endpoint_details}): cells by column name. */
    record Row(String table, java.util.Map<String, Object> cells) {}

    record Indicator(String type, String value, String verdict, int confidence, List<String> tags) {}
}
