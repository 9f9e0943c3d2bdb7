package riposte.cli.demo;

import java.util.List;

/**
 * What the demo seeds: a few incidents with artifacts and notes, and tagged indicators. Built by
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
            List<String> notes) {}

    record Indicator(String type, String value, String verdict, int confidence, List<String> tags) {}
}
