package riposte.cli.demo;

import static riposte.cli.server.ApiClient.body;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import riposte.cli.demo.DemoStory.AllowListEntry;
import riposte.cli.demo.DemoStory.Artifact;
import riposte.cli.demo.DemoStory.Incident;
import riposte.cli.demo.DemoStory.Indicator;
import riposte.cli.server.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the story through the REST API, idempotently: an incident whose name is already there is left alone (with
 * its artifacts, notes and data-table rows), and indicators are create-or-get on the server (tags are added, nothing duplicated).
 * The allow-list entries are added on a fresh database only (no incident, empty allow-list), and first: the server
 * flags an artifact when it is created, so the story's artifacts must meet the entries. A later start never adds them
 * again, so an entry the user deleted stays deleted.
 */
final class DemoSeeder {
    /** What a seeding did. */
    record Result(int incidentsCreated, int incidentsExisting, int indicators, int allowListEntriesCreated) {}

    private final ApiClient api;

    DemoSeeder(ApiClient api) {
        this.api = api;
    }

    Result seed(DemoStory story) {
        Set<String> existing = incidentNames();
        int entries = existing.isEmpty() && allowListIsEmpty() ? addAllowList(story.allowList()) : 0;
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
        return new Result(created, kept, story.indicators().size(), entries);
    }

    private boolean allowListIsEmpty() {
        return api.get("allowlist", Map.of("size", 1)).path("totalItems").asLong() == 0;
    }

    private int addAllowList(List<AllowListEntry> entries) {
        if (entries.isEmpty()) return 0;
        List<Map<String, Object>> body = entries.stream()
                .map(e -> body("value", e.value(), "reason", e.reason())).toList();
        return api.post("allowlist", body("entries", body)).size();
    }

    private void create(Incident incident) {
        long id = api.post("incidents", body("name", incident.name(), "description", incident.description(),
                "type", incident.type(), "severity", incident.severity())).path("id").asLong();
        for (Artifact a : incident.artifacts()) {
            api.post("incidents/" + id + "/artifacts", body("type", a.type(), "value", a.value(),
                    "description", a.description(), "source", "riposte demo"));
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
