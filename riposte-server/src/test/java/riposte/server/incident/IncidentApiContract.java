package riposte.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Incidents, artifacts, notes, tasks and their audit records over HTTP; run on H2 and on PostgreSQL. */
abstract class IncidentApiContract extends ApiTestBase {

    @Autowired
    IncidentService service;

    @Autowired
    JdbcClient jdbc;

    private JsonNode createIncident(String name, String severity, String owner) {
        var reply = post("/api/v1/incidents", Map.of("name", name, "severity", severity, "owner", owner,
                "type", "Malware", "description", "seen by SEPM"));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.body();
    }

    @Test
    void incidentIsCreatedReadUpdatedAndDeleted() {
        JsonNode created = createIncident(unique("ransomware"), "high", "alice");
        long id = created.get("id").asLong();
        assertThat(created.get("severity").asString()).isEqualTo("HIGH");
        assertThat(created.get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("version").asLong()).isZero();

        var read = get("/api/v1/incidents/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created);

        var updated = patch("/api/v1/incidents/" + id, Map.of("status", "closed", "version", 0));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(updated.get("status").asString()).isEqualTo("CLOSED");
        assertThat(updated.get("closedAt").isNull()).isFalse();
        assertThat(updated.get("name")).isEqualTo(created.get("name"));
        assertThat(updated.get("version").asLong()).isEqualTo(1);

        assertThat(delete("/api/v1/incidents/" + id).status()).isEqualTo(204);
        problem(get("/api/v1/incidents/" + id), 404);
        problem(delete("/api/v1/incidents/" + id), 404);
    }

    @Test
    void listPagesFiltersAndSorts() {
        String owner = unique("owner");
        createIncident("a-low", "LOW", owner);
        createIncident("b-critical", "CRITICAL", owner);
        createIncident("c-medium", "MEDIUM", owner);
        createIncident("d-critical", "CRITICAL", owner);

        var first = get("/api/v1/incidents?owner=" + owner + "&size=3&sort=-severity");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.get("totalItems").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("items").valueStream().map(i -> i.get("name").asString()))
                .containsExactly("d-critical", "b-critical", "c-medium");
        var second = get("/api/v1/incidents?owner=" + owner + "&size=3&page=1&sort=-severity");
        assertThat(second.get("items").valueStream().map(i -> i.get("name").asString())).containsExactly("a-low");

        var critical = get("/api/v1/incidents?owner=" + owner + "&severity=critical&sort=name");
        assertThat(critical.get("items").valueStream().map(i -> i.get("name").asString()))
                .containsExactly("b-critical", "d-critical");
        assertThat(get("/api/v1/incidents?owner=" + owner + "&status=CLOSED").get("totalItems").asLong()).isZero();
    }

    @Test
    void textSearchMatchesNameOrDescriptionIgnoringCaseAndLikeWildcards() {
        String word = unique("Emotet").replace("-", "");
        createIncident("Outbreak " + word + " wave", "HIGH", "carol");
        var described = post("/api/v1/incidents", Map.of("name", unique("described"),
                "description", "Dropper seen by SEPM: " + word.toLowerCase() + " 100%_done"));
        assertThat(described.status()).isEqualTo(201);
        assertThat(get("/api/v1/incidents?q=" + word.toUpperCase()).get("totalItems").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/incidents?q=" + word + "&severity=HIGH").get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/incidents?q=100%25_done").get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/incidents?q=" + word + "%25wave").get("totalItems").asLong())
                .as("%% is a character to find, not a wildcard").isZero();
    }

    @Test
    void staleVersionIsAConflict() {
        long id = createIncident(unique("conflict"), "LOW", "bob").get("id").asLong();
        assertThat(patch("/api/v1/incidents/" + id, Map.of("owner", "carol", "version", 0)).status()).isEqualTo(200);
        JsonNode conflict = problem(patch("/api/v1/incidents/" + id, Map.of("owner", "dave", "version", 0)), 409);
        assertThat(conflict.get("detail").asString()).contains("version 0");
        assertThat(get("/api/v1/incidents/" + id).get("owner").asString()).isEqualTo("carol");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWhatIsAccepted() {
        JsonNode severity = problem(post("/api/v1/incidents", Map.of("name", "x", "severity", "urgent")), 400);
        assertThat(severity.get("errors").get(0).get("field").asString()).isEqualTo("severity");
        assertThat(severity.get("errors").get(0).get("message").asString())
                .contains("LOW, MEDIUM, HIGH, CRITICAL");

        JsonNode blank = problem(post("/api/v1/incidents", Map.of("name", " ")), 400);
        assertThat(blank.get("errors").get(0).get("field").asString()).isEqualTo("name");

        JsonNode missingVersion = problem(patch("/api/v1/incidents/1", Map.of("owner", "x")), 400);
        assertThat(missingVersion.get("errors").get(0).get("field").asString()).isEqualTo("version");

        JsonNode wrongType = problem(patch("/api/v1/incidents/1", "{\"version\": \"abc\"}"), 400);
        assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("version");

        JsonNode malformed = problem(post("/api/v1/incidents", "{\"name\": "), 400);
        assertThat(malformed.toString()).doesNotContain("Exception").doesNotContain("tools.jackson");

        assertThat(problem(get("/api/v1/incidents?sort=password"), 400).get("errors").get(0).get("message")
                .asString()).contains("createdAt");
        assertThat(problem(get("/api/v1/incidents?size=100000"), 400).get("errors").get(0).get("field")
                .asString()).isEqualTo("size");
        assertThat(problem(get("/api/v1/incidents?page=abc"), 400).get("errors").get(0).get("field")
                .asString()).isEqualTo("page");
        problem(get("/api/v1/incidents/999999999"), 404);
        problem(get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void artifactsAreParsedNormalisedAndCounted() {
        long id = createIncident(unique("phish"), "MEDIUM", "erin").get("id").asLong();
        String base = "/api/v1/incidents/" + id + "/artifacts";
        var url = post(base, Map.of("value", "hxxp://Evil[.]Example.com/login", "source", "email"));
        assertThat(url.status()).as("%s", url.body()).isEqualTo(201);
        assertThat(url.get("type").asString()).isEqualTo("url");
        assertThat(url.get("value").asString()).isEqualTo("http://evil.example.com/login");
        var hash = post(base, Map.of("type", "sha256", "value", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
        assertThat(hash.get("value").asString()).startsWith("e3b0c442");

        JsonNode bad = problem(post(base, Map.of("value", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8")), 400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(bad.get("errors").get(0).get("message").asString()).contains("SHA-256 has 64");
        JsonNode wrongType = problem(post(base, Map.of("type", "md5", "value", "evil.example.com")), 400);
        assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("value");
        JsonNode unknownType = problem(post(base, Map.of("type", "hash", "value", "evil.example.com")), 400);
        assertThat(unknownType.get("errors").get(0).get("message").asString()).contains("sha256").contains("domain");

        // a domain under a suffix the public-suffix list does not know is a domain all the same
        var unlisted = post(base, Map.of("type", "domain", "value", "evil.example"));
        assertThat(unlisted.status()).as("%s", unlisted.body()).isEqualTo(201);
        assertThat(unlisted.get("type").asString()).isEqualTo("domain");
        var fqdn = post(base, Map.of("type", "hostname", "value", "WS-042.corp.example"));
        assertThat(fqdn.status()).as("%s", fqdn.body()).isEqualTo(201);
        assertThat(fqdn.get("value").asString()).isEqualTo("ws-042.corp.example");

        assertThat(get(base).get("totalItems").asLong()).isEqualTo(4);
        assertThat(get(base + "?type=url").get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/incidents/" + id).get("artifactCount").asLong()).isEqualTo(4);

        long artifactId = url.get("id").asLong();
        var allowListed = patch(base + "/" + artifactId, Map.of("allowListed", true, "allowListReason", "our CDN",
                "version", 0));
        assertThat(allowListed.get("allowListed").asBoolean()).isTrue();
        problem(patch(base + "/" + artifactId, Map.of("description", "x", "version", 0)), 409);
        assertThat(delete(base + "/" + artifactId).status()).isEqualTo(204);
        problem(post("/api/v1/incidents/999999999/artifacts", Map.of("value", "evil.example.com")), 404);
    }

    @Test
    void notesAndTasksBelongToTheirIncident() {
        long id = createIncident(unique("notes"), "LOW", "frank").get("id").asLong();
        var note = post("/api/v1/incidents/" + id + "/notes", Map.of("body", "Isolated the host."));
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.get("author").asString()).isEqualTo("admin");
        var edited = patch("/api/v1/incidents/" + id + "/notes/" + note.get("id").asLong(),
                Map.of("body", "Isolated the host at 10:00.", "version", 0));
        assertThat(edited.get("body").asString()).endsWith("10:00.");
        assertThat(get("/api/v1/incidents/" + id + "/notes").get("totalItems").asLong()).isEqualTo(1);

        var task = post("/api/v1/incidents/" + id + "/tasks", Map.of("title", "Scan the fleet", "owner", "frank"));
        assertThat(task.status()).isEqualTo(201);
        assertThat(task.get("status").asString()).isEqualTo("OPEN");
        var done = patch("/api/v1/incidents/" + id + "/tasks/" + task.get("id").asLong(),
                Map.of("status", "done", "version", 0));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(get("/api/v1/incidents/" + id + "/tasks?status=OPEN").get("totalItems").asLong()).isZero();
        problem(post("/api/v1/incidents/" + id + "/tasks", Map.of("title", "x", "status", "later")), 400);

        assertThat(delete("/api/v1/incidents/" + id).status()).isEqualTo(204);
        problem(get("/api/v1/incidents/" + id + "/notes"), 404);
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfter() {
        long id = createIncident(unique("audited"), "LOW", "gina").get("id").asLong();
        patch("/api/v1/incidents/" + id, Map.of("severity", "HIGH", "version", 0));
        var audit = get("/api/v1/audit?objectType=incident&objectId=" + id);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.get("totalItems").asLong()).isEqualTo(2);
        JsonNode update = audit.get("items").get(0);
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("before").get("severity").asString()).isEqualTo("LOW");
        assertThat(update.get("after").get("severity").asString()).isEqualTo("HIGH");
        JsonNode create = audit.get("items").get(1);
        assertThat(create.get("action").asString()).isEqualTo("create");
        assertThat(create.get("before").isNull()).isTrue();
    }

    @Test
    void aFailedAuditWriteLeavesNoIncidentBehind() {
        String name = unique("half-written");
        String tooLongActor = "x".repeat(300); // the audit insert fails after the incident row was inserted
        assertThatThrownBy(() -> service.create(tooLongActor, new IncidentCreate(name, null, null, null, null, null)))
                .isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select count(*) from incidents where name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }
}
