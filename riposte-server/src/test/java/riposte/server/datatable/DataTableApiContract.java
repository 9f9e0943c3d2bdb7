package riposte.server.datatable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/** Data tables over HTTP: built-in SEP definitions, admin-defined tables, typed rows, paging/filter/sort, CSV. */
abstract class DataTableApiContract extends ApiTestBase {
    @Autowired
    RowRepository rows;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RowService rowService;

    private long incident() {
        return post("/api/v1/incidents", Map.of("name", unique("tables"))).get("id").asLong();
    }

    @Test
    void theSixSepTablesAreBuiltIn() {
        var names = get("/api/v1/data-tables").body().valueStream().filter(t -> t.get("builtIn").asBoolean())
                .map(t -> t.get("displayName").asString()).toList();
        assertThat(names).contains("Symantec SEP EOC scan results", "Symantec SEP Endpoint details",
                "Symantec SEP Endpoint status summary", "Symantec SEP Non-compliant Endpoints status details",
                "Symantec SEP Groups", "Symantec SEP Fingerprint lists");
        JsonNode details = get("/api/v1/data-tables/sep_endpoint_details").body();
        var quarantine = details.get("columns").valueStream()
                .filter(c -> c.get("name").asString().equals("endpoint_quarantine_status")).findFirst().orElseThrow();
        assertThat(quarantine.get("type").asString()).isEqualTo("select");
        assertThat(quarantine.get("options").toString()).contains("Quarantined", "Un-Quarantined");
        assertThat(details.get("group").asString()).isEqualTo("Symantec SEP - Threats");
        assertThat(get("/api/v1/data-tables/sep_groups").get("group").asString()).isEqualTo("Symantec SEP - Blacklists");
        assertThat(get("/api/v1/data-tables/sep_non_compliant_endpoints").get("group").asString())
                .isEqualTo("Symantec SEP - Status");
    }

    @Test
    void rowsAreTypedFilteredSortedUpdatedAndExported() {
        long incident = incident();
        String base = "/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_details/rows";
        for (int i = 0; i < 5; i++) {
            var row = new LinkedHashMap<String, Object>();
            row.put("computer_name", "FIN-LAPTOP-" + i);
            row.put("online", i % 2 == 0);
            row.put("definitions_date", "2024-05-0" + (i + 1) + "T10:00:00+02:00");
            row.put("endpoint_quarantine_status", i == 4 ? "Quarantined" : "Un-Quarantined");
            var created = post(base, Map.of("cells", row));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        }
        var injected = post(base, Map.of("cells", Map.of("computer_name", "=HYPERLINK(\"http://evil\")",
                "logon_user", "-2+3+cmd|' /C calc'!A0")));
        long injectedId = injected.get("id").asLong();

        JsonNode bad = problem(post(base, Map.of("cells", Map.of("online", "yes", "colour", "red",
                "endpoint_quarantine_status", "Maybe"))), 400);
        assertThat(bad.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("cells.online", "cells.colour", "cells.endpoint_quarantine_status");
        assertThat(bad.toString()).contains("Un-Quarantined", "true or false");

        var online = get(base + "?filter=online:eq:true&sort=-definitions_date");
        assertThat(online.get("totalItems").asLong()).isEqualTo(3);
        assertThat(online.get("items").get(0).get("cells").get("computer_name").asString()).isEqualTo("FIN-LAPTOP-4");
        assertThat(online.get("items").get(0).get("cells").get("definitions_date").asString())
                .isEqualTo("2024-05-05T08:00:00Z");
        var range = get(base + "?filter=definitions_date:gte:2024-05-02T00:00:00Z"
                + "&filter=definitions_date:lte:2024-05-03T23:59:59Z&filter=computer_name:contains:laptop");
        assertThat(range.get("totalItems").asLong()).isEqualTo(2);
        var paged = get(base + "?sort=computer_name&size=2&page=1");
        assertThat(paged.get("totalPages").asInt()).isEqualTo(3);
        assertThat(paged.get("items").get(0).get("cells").get("computer_name").asString()).isEqualTo("FIN-LAPTOP-1");
        assertThat(problem(get(base + "?sort=colour"), 400).get("errors").get(0).get("field").asString()).isEqualTo("sort");
        assertThat(problem(get(base + "?filter=online:like:x"), 400).get("errors").get(0).get("field").asString())
                .isEqualTo("filter");

        var updated = patch(base + "/" + injectedId, Map.of("cells", Map.of("online", false), "version", 0));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(updated.get("cells").get("computer_name").asString()).startsWith("=HYPERLINK");
        assertThat(updated.get("cells").get("online").asBoolean()).isFalse();
        problem(patch(base + "/" + injectedId, Map.of("cells", Map.of("online", true), "version", 0)), 409);

        var csv = download("/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_details/csv?sort=computer_name");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Computer name,Computer id,");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", "'-2+3+cmd|' /C calc'!A0")
                .doesNotContain(",=HYPERLINK", ",-2+3");
        assertThat(text.lines().count()).isEqualTo(7);

        assertThat(delete(base + "/" + injectedId).status()).isEqualTo(204);
        problem(get(base + "/" + injectedId), 404);
        assertThat(get("/api/v1/audit?objectType=data-table-row&objectId=" + injectedId).get("items").valueStream()
                .map(a -> a.get("action").asString())).containsExactly("delete", "update", "create");
    }

    /** The console's live tables poll this stamp: it must change on every insert, update and delete, and only then. */
    @Test
    void theRowStampChangesWithEveryRowChangeAndOnlyThen() {
        long incident = incident();
        long table = get("/api/v1/data-tables/sep_groups").get("id").asLong();
        String base = "/api/v1/incidents/" + incident + "/data-tables/sep_groups/rows";
        var empty = rowService.stamp(incident, table);
        assertThat(empty.count()).isZero();
        long id = post(base, Map.of("cells", Map.of("group_name", "a"))).get("id").asLong();
        var inserted = rowService.stamp(incident, table);
        assertThat(inserted.count()).isEqualTo(1);
        assertThat(inserted.token()).isNotEqualTo(empty.token()).isEqualTo(rowService.stamp(incident, table).token());
        assertThat(patch(base + "/" + id, Map.of("cells", Map.of("group_name", "b"), "version", 0)).status()).isEqualTo(200);
        var updated = rowService.stamp(incident, table);
        assertThat(updated.token()).isNotEqualTo(inserted.token());
        assertThat(post("/api/v1/incidents/" + incident() + "/data-tables/sep_groups/rows",
                Map.of("cells", Map.of("group_name", "elsewhere"))).status()).isEqualTo(201);
        assertThat(rowService.stamp(incident, table).token()).as("another incident's row").isEqualTo(updated.token());
        assertThat(delete(base + "/" + id).status()).isEqualTo(204);
        assertThat(rowService.stamp(incident, table).count()).isZero();
    }

    @Test
    void adminsDefineTablesAndColumnsAreChecked() {
        String name = "t_" + unique("x").replace("-", "_").toLowerCase();
        JsonNode badType = problem(post("/api/v1/data-tables", Map.of("name", name, "displayName", "Bad",
                "columns", List.of(Map.of("name", "a", "type", "colour")))), 400);
        assertThat(badType.get("errors").get(0).get("field").asString()).isEqualTo("columns[0].type");
        assertThat(badType.get("errors").get(0).get("message").asString()).contains("text, number, boolean, datetime, select");
        var created = post("/api/v1/data-tables", Map.of("name", name, "displayName", "Scores", "group", " Triage ",
                "columns", List.of(
                Map.of("name", "host", "label", "Host", "type", "text"),
                Map.of("name", "score", "type", "number"),
                Map.of("name", "level", "type", "select", "options", List.of("low", "high")))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.get("group").asString()).isEqualTo("Triage");
        long incident = incident();
        String rowsPath = "/api/v1/incidents/" + incident + "/data-tables/" + name + "/rows";
        assertThat(post(rowsPath, Map.of("cells", Map.of("host", "a", "score", 12.5))).status()).isEqualTo(201);
        problem(post(rowsPath, Map.of("cells", Map.of("score", 1.1234567))), 400);
        var removed = patch("/api/v1/data-tables/" + name, Map.of("columns", List.of(Map.of("name", "host", "type", "text")),
                "version", 0));
        assertThat(problem(removed, 400).toString()).contains("cannot be removed");
        var added = patch("/api/v1/data-tables/" + name, Map.of("displayName", "Scores v2", "version", 0,
                "columns", List.of(Map.of("name", "host", "type", "text"), Map.of("name", "score", "type", "number"),
                        Map.of("name", "level", "type", "select", "options", List.of("low", "high", "critical")),
                        Map.of("name", "seen", "type", "datetime"))));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.get("columns").size()).isEqualTo(4);
        assertThat(added.get("group").asString()).as("a PATCH without group keeps it").isEqualTo("Triage");
        var regrouped = patch("/api/v1/data-tables/" + name, Map.of("group", "", "version", 1));
        assertThat(regrouped.status()).as("%s", regrouped.body()).isEqualTo(200);
        assertThat(regrouped.get("group").isNull()).as("an empty group removes it: %s", regrouped.body()).isTrue();
        problem(patch("/api/v1/data-tables/" + name, Map.of("group", "x".repeat(201), "version", 2)), 400);
    }

    @Test
    void tenThousandRowsPageSortedAndFiltered() {
        long incident = incident();
        long tableId = get("/api/v1/data-tables/sep_endpoint_status_summary").get("id").asLong();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 10_000; i++) {
                var values = new LinkedHashMap<String, Object>();
                values.put("total_endpoints", BigDecimal.valueOf(i % 997));
                values.put("query_time", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L));
                rows.insert(tableId, incident, values, Instant.now());
            }
        });
        String base = "/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_status_summary/rows";
        get(base + "?sort=-total_endpoints&size=50");
        long start = System.nanoTime();
        var sorted = get(base + "?sort=-total_endpoints&size=50&page=0");
        long sortMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        var filtered = get(base + "?filter=total_endpoints:gte:990&sort=query_time&size=50");
        long filterMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(sorted.get("totalItems").asLong()).isEqualTo(10_000);
        assertThat(sorted.get("items").get(0).get("cells").get("total_endpoints").asInt()).isEqualTo(996);
        assertThat(filtered.get("totalItems").asLong()).isEqualTo(70);
        System.out.printf("10 000-row data table on %s: sorted page %d ms, filtered+sorted page %d ms%n",
                getClass().getSimpleName(), sortMs, filterMs);
        // Timings are printed, not asserted: performance is measured by ApiReadBenchmark (docs/benchmarks.md), and a
        // wall-clock threshold fails on a busy machine for reasons that have nothing to do with the code.
    }

    @Test
    void keysetAndOffsetPagesAgreeAndTheKeptCountFollowsEveryInsertAndDelete() {
        long incident = incident();
        long tableId = get("/api/v1/data-tables/sep_endpoint_status_summary").get("id").asLong();
        String base = "/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_status_summary/rows";
        assertThat(get(base).get("totalItems").asLong()).isZero();
        assertThat(problem(get("/api/v1/incidents/987654321/data-tables/sep_endpoint_status_summary/rows"), 404)
                .get("detail").asString()).contains("incident");
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 120; i++) {
                rows.insert(tableId, incident, Map.of("total_endpoints", BigDecimal.valueOf(i)), Instant.now());
            }
        });
        JsonNode first = get(base + "?size=50").body();
        JsonNode second = get(base + "?size=50&page=1").body();
        long lastOfFirst = first.get("items").get(49).get("id").asLong();
        JsonNode keyset = get(base + "?size=50&after=" + lastOfFirst).body();
        assertThat(ids(keyset)).hasSize(50).isEqualTo(ids(second));
        assertThat(keyset.get("totalItems").asLong()).isEqualTo(120);
        assertThat(ids(get(base + "?size=50&page=2").body())).hasSize(20)
                .isEqualTo(ids(get(base + "?size=50&after=" + second.get("items").get(49).get("id").asLong()).body()));

        long created = post(base, Map.of("cells", Map.of("total_endpoints", 5))).get("id").asLong();
        assertThat(get(base).get("totalItems").asLong()).isEqualTo(121);
        assertThat(delete(base + "/" + created).status()).isEqualTo(204);
        assertThat(delete(base + "/" + first.get("items").get(0).get("id").asLong()).status()).isEqualTo(204);
        assertThat(get(base).get("totalItems").asLong()).isEqualTo(119);
        assertThat(get(base + "?filter=total_endpoints:lte:9").get("totalItems").asLong()).isEqualTo(9);
        assertThat(get(base + "?filter=total_endpoints:lte:9&after=" + lastOfFirst).get("totalItems").asLong())
                .as("a total counts the whole result, not what follows the keyset").isEqualTo(9);

        assertThat(problem(get(base + "?after=3&sort=total_endpoints"), 400).get("errors").get(0).get("field")
                .asString()).isEqualTo("after");
        assertThat(problem(get(base + "?after=3&page=2"), 400).get("errors").get(0).get("field").asString())
                .isEqualTo("after");
    }

    @Test
    void concurrentFirstRowsOfOneIncidentAreAllStoredAndCounted() throws Exception {
        // Eight requests adding the first rows of a table in a new incident at once: each must be stored and counted
        // (on PostgreSQL creating the row counter after the row deadlocked: the benchmark's seeding found it).
        for (int round = 0; round < 4; round++) {
            long incident = incident();
            String base = "/api/v1/incidents/" + incident + "/data-tables/sep_endpoint_status_summary/rows";
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var replies = new java.util.ArrayList<java.util.concurrent.Future<Reply>>();
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    replies.add(pool.submit(() -> {
                        start.await();
                        return post(base, Map.of("cells", Map.of("total_endpoints", n)));
                    }));
                }
                start.countDown();
                for (var reply : replies) {
                    Reply r = reply.get();
                    assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
                }
            }
            assertThat(get(base).get("totalItems").asLong()).isEqualTo(8);
        }
    }

    private static List<Long> ids(JsonNode page) {
        return page.get("items").valueStream().map(r -> r.get("id").asLong()).toList();
    }
}
