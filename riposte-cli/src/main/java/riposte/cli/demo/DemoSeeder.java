package riposte.cli.demo;

import static riposte.cli.server.ApiClient.body;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import riposte.cli.demo.DemoStory.Artifact;
import riposte.cli.demo.DemoStory.Incident;
import riposte.cli.demo.DemoStory.Indicator;
import riposte.cli.server.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the story through the REST API, idempotently: an incident whose name is already there is left alone (with
 * its artifacts, notes and data-table rows), and indicators are create-or-get on the server (tags are added, nothing duplicated).
 */
final class DemoSeeder {
    /** What a seeding did. */
    record Result(int incidentsCreated, int incidentsExisting, int indicators) {}

    private final ApiClient api;

    DemoSeeder(ApiClient api) {
        this.api = api;
    }

    Result seed(DemoStory story) {
        Set<String> existing = incidentNames();
        int created = 0;
        int kept = 0;
        for (Incident incident : story.incidents()) {
            if (existing.contains(incident.name())) {
                kept++;
            } else {
                create(incident);
                created++;
            }
        }
        for (Indicator i : story.indicators()) {
            api.post("indicators", body("type", i.type(), "value", i.value(), "verdict", i.verdict(),
                    "confidence", i.confidence(), "tags", i.tags()));
        }
        return new Result(created, kept, story.indicators().size());
    }

    private void create(Incident incident) {
        long id = api.post("incidents", body("name", incident.name(), "description", incident.description(),
                "type", incident.type(), "severity", incident.severity())).path("id").asLong();
        for (Artifact a : incident.artifacts()) {
            api.post("incidents/" + id + "/artifacts", body("type", a.type(), "value", a.value(),
                    "description", a.description(), "source", "riposte demo", "allowListed", a.allowListed() ? true : null,
                    "allowListReason", a.allowListed() ? "known benign infrastructure" : null));
        }
        for (String note : incident.notes()) api.post("incidents/" + id + "/notes", body("body", note));
        for (DemoStory.Row row : incident.rows()) {
            api.post("incidents/" + id + "/data-tables/" + row.table() + "/rows", body("cells", row.cells()));
        }
    }

    private Set<String> incidentNames() {
        Set<String> names = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get("incidents", Map.of("size", 200, "page", page));
            for (JsonNode item : answer.path("items")) names.add(item.path("name").asString());
            if (page + 1 >= answer.path("totalPages").asInt()) return names;
        }
    }
}
