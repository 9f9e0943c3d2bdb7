package riposte.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The allow-list over HTTP: all-or-nothing adds with errors naming the entry, checks, deletes, roles, audit, another
 * server's change seen, and the allow-list applied where artifacts are created and bulk enrichment runs. Tests share
 * one database with every other API test, so each lists only names of its own and deletes what it added.
 */
abstract class AllowListApiContract extends ApiTestBase {
    @Autowired
    JdbcClient jdbc;

    @Test
    void addingManyWithOneBadEntryIs400NamingItAndStoresNothing() {
        String domain = unique("atomic") + ".example";
        JsonNode problem = problem(post("/api/v1/allowlist", Map.of("reason", "shared", "entries", List.of(
                Map.of("value", "*." + domain),
                Map.of("value", "*.co.uk", "reason", "oops"),
                Map.of("value", domain, "reason", ""),
                Map.of("value", "10.0.0.0/33")))), 400);
        JsonNode errors = problem.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("entries[1].value");
        assertThat(errors.get(0).get("message").asString()).contains("*.co.uk", "public suffix co.uk");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("entries[3].value");
        assertThat(errors.get(1).get("message").asString()).contains("prefix length 33");
        assertThat(get("/api/v1/allowlist?q=" + domain).get("totalItems").asInt()).isZero();
        assertThat(check("www." + domain).get("allowListed").asBoolean()).isFalse();

        JsonNode noReason = problem(post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", domain)))),
                400);
        assertThat(noReason.get("errors").get(0).get("field").asString()).isEqualTo("entries[0].reason");
        assertThat(noReason.get("errors").get(0).get("message").asString()).contains("a reason is required");
        JsonNode empty = problem(post("/api/v1/allowlist", Map.of("entries", List.of())), 400);
        assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("entries");
        JsonNode past = problem(post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", domain,
                "reason", "r", "expiresAt", "2001-01-01T00:00:00Z")))), 400);
        assertThat(past.get("errors").get(0).get("field").asString()).isEqualTo("entries[0].expiresAt");
    }

    @Test
    void entriesAreAddedListedCheckedAndDeletedWithAnAuditTrail() {
        String domain = unique("corp") + ".example";
        String block = testBlock();
        Reply added = post("/api/v1/allowlist", Map.of("reason", "corporate mail", "entries", List.of(
                Map.of("value", "*." + domain.toUpperCase()),
                Map.of("value", block, "reason", "the scanner subnet"))));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
        assertThat(added.body()).hasSize(2);
        JsonNode wildcard = added.body().get(0);
        assertThat(wildcard.get("kind").asString()).isEqualTo("wildcard_domain");
        assertThat(wildcard.get("value").asString()).isEqualTo("*." + domain);
        assertThat(wildcard.get("reason").asString()).isEqualTo("corporate mail");
        assertThat(wildcard.get("createdBy").asString()).isEqualTo("admin");
        long id = wildcard.get("id").asLong();

        JsonNode hit = check("hxxps://mail." + domain + "/owa");
        assertThat(hit.get("allowListed").asBoolean()).isTrue();
        assertThat(hit.get("indicatorType").asString()).isEqualTo("url");
        assertThat(hit.get("entry").get("id").asLong()).isEqualTo(id);
        assertThat(hit.get("entry").get("reason").asString()).isEqualTo("corporate mail");
        assertThat(check(domain).get("allowListed").asBoolean()).as("a wildcard does not cover the apex").isFalse();
        String inBlock = block.substring(0, block.lastIndexOf('.') + 1) + "9";
        assertThat(check(inBlock).get("entry").get("reason").asString()).isEqualTo("the scanner subnet");
        problem(get("/api/v1/allowlist/check?value=not%20an%20indicator"), 400);

        JsonNode page = get("/api/v1/allowlist?kind=wildcard_domain&q=" + domain).body();
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(get("/api/v1/allowlist?q=scanner%20SUBNET").body().get("items").valueStream()
                .map(e -> e.get("value").asString())).contains(block);
        JsonNode badKind = problem(get("/api/v1/allowlist?kind=ip"), 400);
        assertThat(badKind.get("errors").get(0).get("message").asString()).contains("address", "wildcard_domain");

        JsonNode dup = problem(post("/api/v1/allowlist", Map.of("entries", List.of(
                Map.of("value", "*." + domain, "reason", "again")))), 400);
        assertThat(dup.get("errors").get(0).get("message").asString()).contains("already on the allow-list",
                "entry " + id);

        assertThat(delete("/api/v1/allowlist/" + id).status()).isEqualTo(204);
        assertThat(check("mail." + domain).get("allowListed").asBoolean()).isFalse();
        problem(delete("/api/v1/allowlist/" + id), 404);
        JsonNode audit = get("/api/v1/audit?objectType=allow-list%20entry&objectId=" + id).body();
        assertThat(audit.get("items").valueStream().map(a -> a.get("action").asString())).containsExactly("delete",
                "create");
        assertThat(delete("/api/v1/allowlist/" + added.body().get(1).get("id").asLong()).status()).isEqualTo(204);
    }

    @Test
    void analystsReadAndCheckButOnlyAdminsChangeIt() {
        String viewer = tokenFor("VIEWER");
        String analyst = tokenFor("ANALYST");
        String responder = tokenFor("RESPONDER");
        assertThat(sendAs(analyst, "GET", "/api/v1/allowlist", null).status()).isEqualTo(200);
        assertThat(sendAs(analyst, "GET", "/api/v1/allowlist/check?value=8.8.8.8", null).status()).isEqualTo(200);
        assertThat(sendAs(viewer, "GET", "/api/v1/allowlist", null).status()).isEqualTo(403);
        Map<String, Object> body = Map.of("entries", List.of(Map.of("value", unique("r") + ".example",
                "reason", "r")));
        assertThat(sendAs(responder, "POST", "/api/v1/allowlist", body).status()).isEqualTo(403);
        long id = post("/api/v1/allowlist", body).body().get(0).get("id").asLong();
        assertThat(sendAs(analyst, "DELETE", "/api/v1/allowlist/" + id, null).status()).isEqualTo(403);
        assertThat(sendAs(null, "GET", "/api/v1/allowlist", null).status()).isEqualTo(401);
        assertThat(delete("/api/v1/allowlist/" + id).status()).isEqualTo(204);
    }

    @Test
    void aChangeMadeByAnotherServerIsSeen() {
        String domain = unique("other-server") + ".example";
        assertThat(check(domain).get("allowListed").asBoolean()).isFalse(); // this server has built its index
        // what another server on the same database does: insert, and move the stamp in the same transaction
        String insert = """
                insert into allow_list_entries (entry_kind, entry_value, reason, created_by, created_at, expires_at)
                values ('domain', :value, :reason, 'admin', current_timestamp, :expires)""";
        jdbc.sql(insert).param("value", domain).param("reason", "added elsewhere").param("expires", null).update();
        jdbc.sql(insert).param("value", "old." + domain).param("reason", "expired")
                .param("expires", java.time.OffsetDateTime.parse("2001-01-01T00:00:00Z")).update();
        jdbc.sql("update allow_list_state set stamp = :s where id = 1")
                .param("s", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)).update();
        // seen within riposte.settings.check-interval (2 s by default); the expired entry is not
        assertThat(awaitCheck(domain, true).get("entry").get("reason").asString()).isEqualTo("added elsewhere");
        assertThat(check("old." + domain).get("allowListed").asBoolean()).isFalse();
        jdbc.sql("delete from allow_list_entries where entry_value in (:values)")
                .param("values", List.of(domain, "old." + domain)).update();
        jdbc.sql("update allow_list_state set stamp = stamp + 1 where id = 1").update();
        awaitCheck(domain, false);
    }

    /** Checks until the answer is {@code listed} (another server's change is seen within the check interval). */
    private JsonNode awaitCheck(String value, boolean listed) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode answer = check(value);
            if (answer.get("allowListed").asBoolean() == listed) return answer;
            if (System.nanoTime() > deadline) throw new AssertionError("still " + answer + " after 30 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void artifactsCreatedAfterwardsAreFlaggedWithTheReasonUnlessTheCallerSaid() {
        String domain = unique("cdn") + ".example";
        long entry = post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", "*." + domain,
                "reason", "our CDN")))).body().get(0).get("id").asLong();
        long incident = post("/api/v1/incidents", Map.of("name", unique("allow"), "severity", "LOW"))
                .get("id").asLong();
        String artifacts = "/api/v1/incidents/" + incident + "/artifacts";
        JsonNode flagged = post(artifacts, Map.of("value", "https://static." + domain + "/app.js")).body();
        assertThat(flagged.get("allowListed").asBoolean()).isTrue();
        assertThat(flagged.get("allowListReason").asString()).isEqualTo("our CDN (allow-list entry *." + domain + ")");
        JsonNode insisted = post(artifacts, Map.of("value", "img." + domain, "allowListed", false)).body();
        assertThat(insisted.get("allowListed").asBoolean()).as("the caller said no").isFalse();
        JsonNode own = post(artifacts, Map.of("value", "js." + domain, "allowListed", true,
                "allowListReason", "mine")).body();
        assertThat(own.get("allowListReason").asString()).isEqualTo("mine");
        JsonNode other = post(artifacts, Map.of("value", domain)).body();
        assertThat(other.get("allowListed").asBoolean()).isFalse();
        assertThat(other.get("allowListReason").isNull()).isTrue();
        assertThat(delete("/api/v1/allowlist/" + entry).status()).isEqualTo(204);
    }

    @Test
    void bulkEnrichmentSkipsAllowListedIndicatorsAndSaysWhy() {
        String domain = unique("bulk") + ".example";
        long entry = post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", domain,
                "reason", "partner portal")))).body().get(0).get("id").asLong();
        Reply job = post("/api/v1/enrichment/bulk", Map.of("indicators", List.of(domain.toUpperCase(),
                "not an indicator")));
        assertThat(job.status()).as("%s", job.body()).isEqualTo(202);
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("invalid").asInt()).isEqualTo(1);
        assertThat(job.get("state").asString()).isEqualTo("completed");
        JsonNode item = job.get("items").get(0);
        assertThat(item.get("state").asString()).isEqualTo("SKIPPED");
        assertThat(item.get("message").asString()).isEqualTo("allow-listed: partner portal (allow-list entry "
                + domain + ")");
        assertThat(item.get("indicatorId").isNull()).isTrue();
        assertThat(get("/api/v1/indicators?text=" + domain).get("totalItems").asInt()).as("not created").isZero();
        assertThat(delete("/api/v1/allowlist/" + entry).status()).isEqualTo(204);
    }

    @Test
    void theOpenApiDocumentDescribesTheAllowList() {
        JsonNode paths = get("/api/v1/openapi.json").get("paths");
        JsonNode add = paths.get("/api/v1/allowlist").get("post");
        assertThat(add.get("summary").asString()).isEqualTo("Add allow-list entries, all or none");
        assertThat(add.get("tags").get(0).asString()).isEqualTo("Allow-list");
        assertThat(add.get("responses").has("400")).isTrue();
        assertThat(paths.get("/api/v1/allowlist/check").get("get").get("summary").asString())
                .isEqualTo("Is a value allow-listed, and why?");
    }

    private JsonNode check(String value) {
        Reply reply = get("/api/v1/allowlist/check?value=" + java.net.URLEncoder.encode(value,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    /** A /24 in 10.128.0.0/9 that no other test uses (chosen at random). */
    private static String testBlock() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(128, 256) + "." + r.nextInt(256) + ".0/24";
    }

    private String tokenFor(String role) {
        String username = unique(role.toLowerCase());
        Reply user = post("/api/v1/users", Map.of("username", username, "role", role,
                "password", "a-long-enough-password"));
        assertThat(user.status()).as("%s", user.body()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "allowlist");
        body.put("owner", username);
        return post("/api/v1/tokens", body).get("token").asString();
    }
}
