package riposte.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import riposte.server.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint (method + path pattern) × every role (none, viewer, analyst, responder, admin) → 2xx, 401 or 403.
 * The endpoints are enumerated from every {@link RequestMappingInfoHandlerMapping} in the running server (controllers,
 * springdoc, actuator): an endpoint without an entry here fails {@link #everyEndpointHasAMatrixEntry()}, and so does an
 * entry for an endpoint that no longer exists.
 */
abstract class AuthorizationMatrixContract extends ApiTestBase {
    /** Not endpoints of ours: Boot's error page (reached only through error dispatch; permitted). */
    private static final List<String> NOT_ENDPOINTS = List.of("* /error");

    /** A concrete request for an endpoint; built fresh for each role, since some requests delete what they use. */
    record Call(String path, Object body) {}

    /** The lowest role allowed, or null for a public endpoint; and how to build a request given the caller's token. */
    record Entry(Role minimum, Function<String, Call> call) {}

    @Autowired
    ApplicationContext context;

    private final Map<String, Entry> matrix = new LinkedHashMap<>();

    private void entry(String key, Role minimum, Function<String, Call> call) {
        matrix.put(key, new Entry(minimum, call));
    }

    private void entry(String key, Role minimum, String path) {
        entry(key, minimum, token -> new Call(path, null));
    }

    private void entry(String key, Role minimum, Function<String, String> path, Object body) {
        entry(key, minimum, token -> new Call(path.apply(token), body));
    }

    private void buildMatrix() {
        var incident = Map.of("name", unique("matrix"), "severity", "LOW");
        entry("GET /api/v1/incidents", Role.VIEWER, "/api/v1/incidents");
        entry("POST /api/v1/incidents", Role.ANALYST, t -> "/api/v1/incidents", incident);
        entry("GET /api/v1/incidents/{id}", Role.VIEWER, t -> "/api/v1/incidents/" + incident(), null);
        entry("PATCH /api/v1/incidents/{id}", Role.ANALYST, t -> "/api/v1/incidents/" + incident(),
                Map.of("severity", "HIGH", "version", 0));
        entry("DELETE /api/v1/incidents/{id}", Role.ANALYST, t -> "/api/v1/incidents/" + incident(), null);
        for (String child : List.of("artifacts", "notes", "tasks")) {
            String base = "/api/v1/incidents/{incidentId}/" + child;
            Map<String, Object> create = switch (child) {
                case "artifacts" -> Map.of("value", "evil.example.com");
                case "notes" -> Map.of("body", "a note");
                default -> Map.of("title", "a task");
            };
            Map<String, Object> update = switch (child) {
                case "artifacts" -> Map.of("description", "changed", "version", 0);
                case "notes" -> Map.of("body", "changed", "version", 0);
                default -> Map.of("status", "done", "version", 0);
            };
            entry("GET " + base, Role.VIEWER, t -> "/api/v1/incidents/" + incident() + "/" + child, null);
            entry("POST " + base, Role.ANALYST, t -> "/api/v1/incidents/" + incident() + "/" + child, create);
            entry("GET " + base + "/{id}", Role.VIEWER, t -> childPath(child, create), null);
            entry("PATCH " + base + "/{id}", Role.ANALYST, t -> childPath(child, create), update);
            entry("DELETE " + base + "/{id}", Role.ANALYST, t -> childPath(child, create), null);
        }
        entry("GET /api/v1/indicators", Role.VIEWER, "/api/v1/indicators");
        entry("POST /api/v1/indicators", Role.ANALYST, t -> new Call("/api/v1/indicators",
                Map.of("value", unique("matrix") + ".example.org")));
        entry("GET /api/v1/indicators/{id}", Role.VIEWER, t -> "/api/v1/indicators/" + indicator(), null);
        entry("PATCH /api/v1/indicators/{id}", Role.ANALYST, t -> "/api/v1/indicators/" + indicator(),
                Map.of("verdict", "MALICIOUS", "version", 0));
        entry("GET /api/v1/indicators/{id}/attributes", Role.VIEWER,
                t -> "/api/v1/indicators/" + indicator() + "/attributes", null);
        entry("PUT /api/v1/indicators/{id}/attributes", Role.ANALYST,
                t -> "/api/v1/indicators/" + indicator() + "/attributes",
                Map.of("name", "Symantec ThreatIntel Reputation", "value", "MALICIOUS", "source", "matrix"));
        entry("GET /api/v1/attribute-definitions", Role.VIEWER, "/api/v1/attribute-definitions");
        entry("GET /api/v1/attribute-definitions/export", Role.VIEWER, "/api/v1/attribute-definitions/export");
        entry("POST /api/v1/attribute-definitions/import", Role.ADMIN, t -> "/api/v1/attribute-definitions/import",
                Map.of("attributeDefinitions", List.of(Map.of("name", unique("matrix"), "type", "text"))));
        entry("POST /api/v1/enrichment/bulk", Role.ANALYST, t -> "/api/v1/enrichment/bulk",
                Map.of("indicators", List.of("not an indicator at all")));
        entry("GET /api/v1/enrichment/bulk/{id}", Role.VIEWER, t -> "/api/v1/enrichment/bulk/" + post(
                "/api/v1/enrichment/bulk", Map.of("indicators", List.of("not an indicator either"))).get("id")
                .asString(), null);
        entry("GET /api/v1/indicators/{id}/associations", Role.VIEWER,
                t -> "/api/v1/indicators/" + indicator() + "/associations", null);
        entry("GET /api/v1/credentials", Role.ADMIN, "/api/v1/credentials");
        entry("POST /api/v1/credentials", Role.ADMIN, t -> new Call("/api/v1/credentials",
                Map.of("name", unique("matrix"), "kind", "SES", "secret", "matrix-secret")));
        entry("GET /api/v1/credentials/{id}", Role.ADMIN, t -> "/api/v1/credentials/" + credential(), null);
        entry("PATCH /api/v1/credentials/{id}", Role.ADMIN, t -> "/api/v1/credentials/" + credential(),
                Map.of("description", "changed", "version", 0));
        entry("DELETE /api/v1/credentials/{id}", Role.ADMIN, t -> "/api/v1/credentials/" + credential(), null);
        entry("POST /api/v1/credentials/{id}/test", Role.ADMIN, t -> "/api/v1/credentials/" + credential() + "/test",
                null);
        String attachments = "/api/v1/incidents/{incidentId}/attachments";
        entry("GET " + attachments, Role.VIEWER, t -> "/api/v1/incidents/" + incident() + "/attachments", null);
        entry("POST " + attachments, Role.ANALYST, t -> new Call("/api/v1/incidents/" + incident() + "/attachments",
                matrixFile()));
        entry("GET " + attachments + "/{id}", Role.VIEWER, t -> attachmentPath(), null);
        entry("GET " + attachments + "/{id}/content", Role.VIEWER, t -> attachmentPath() + "/content", null);
        entry("DELETE " + attachments + "/{id}", Role.ANALYST, t -> attachmentPath(), null);
        entry("GET /api/v1/reports", Role.VIEWER, "/api/v1/reports");
        entry("POST /api/v1/reports", Role.ANALYST, t -> new Call("/api/v1/reports", reportBody()));
        entry("GET /api/v1/reports/{id}", Role.VIEWER, t -> "/api/v1/reports/" + report(), null);
        for (String format : List.of("html", "json", "pdf")) {
            entry("GET /api/v1/reports/{id}/" + format, Role.VIEWER, t -> "/api/v1/reports/" + report() + "/" + format,
                    null);
        }
        entry("GET /api/v1/data-tables", Role.VIEWER, "/api/v1/data-tables");
        entry("POST /api/v1/data-tables", Role.ADMIN, t -> new Call("/api/v1/data-tables", tableBody()));
        entry("GET /api/v1/data-tables/{table}", Role.VIEWER, "/api/v1/data-tables/sep_groups");
        entry("PATCH /api/v1/data-tables/{table}", Role.ADMIN, t -> "/api/v1/data-tables/" + table(),
                Map.of("displayName", "changed", "version", 0));
        String rows = "/api/v1/incidents/{incidentId}/data-tables/{table}";
        Map<String, Object> row = Map.of("cells", Map.of("group_name", "matrix"));
        entry("GET " + rows + "/rows", Role.VIEWER, t -> "/api/v1/incidents/" + incident() + "/data-tables/sep_groups/rows",
                null);
        entry("POST " + rows + "/rows", Role.ANALYST,
                t -> "/api/v1/incidents/" + incident() + "/data-tables/sep_groups/rows", row);
        entry("GET " + rows + "/rows/{id}", Role.VIEWER, t -> rowPath(row), null);
        entry("PATCH " + rows + "/rows/{id}", Role.ANALYST, t -> rowPath(row),
                Map.of("cells", Map.of("group_name", "changed"), "version", 0));
        entry("DELETE " + rows + "/rows/{id}", Role.ANALYST, t -> rowPath(row), null);
        entry("GET " + rows + "/csv", Role.VIEWER, t -> "/api/v1/incidents/" + incident() + "/data-tables/sep_groups/csv",
                null);
        entry("GET /api/v1/playbooks", Role.VIEWER, "/api/v1/playbooks");
        entry("GET /api/v1/playbooks/{id}", Role.VIEWER, "/api/v1/playbooks/test-note");
        entry("POST /api/v1/playbooks/{id}/runs", Role.ANALYST, t -> "/api/v1/playbooks/test-note/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator()))));
        entry("GET /api/v1/runs", Role.VIEWER, "/api/v1/runs");
        entry("GET /api/v1/runs/{id}", Role.VIEWER, t -> "/api/v1/runs/" + run("test-note"), null);
        entry("POST /api/v1/runs/{id}/cancel", Role.ANALYST, t -> "/api/v1/runs/" + run("test-approval") + "/cancel",
                Map.of("reason", "matrix"));
        entry("POST /api/v1/runs/{id}/approvals/{stepId}", Role.RESPONDER,
                t -> "/api/v1/runs/" + waitingForApproval() + "/approvals/approve", Map.of("approve", true));
        entry("GET /api/v1/audit", Role.ADMIN, "/api/v1/audit");
        entry("GET /api/v1/users", Role.ADMIN, "/api/v1/users");
        entry("POST /api/v1/users", Role.ADMIN, t -> new Call("/api/v1/users", newUserBody(Role.VIEWER)));
        entry("GET /api/v1/users/{id}", Role.ADMIN, t -> "/api/v1/users/" + user(Role.VIEWER), null);
        entry("PATCH /api/v1/users/{id}", Role.ADMIN, t -> "/api/v1/users/" + user(Role.VIEWER),
                Map.of("role", "analyst", "version", 0));
        entry("GET /api/v1/tokens", Role.VIEWER, "/api/v1/tokens");
        entry("POST /api/v1/tokens", Role.VIEWER, t -> "/api/v1/tokens", Map.of("name", "matrix"));
        entry("DELETE /api/v1/tokens/{id}", Role.VIEWER, t -> "/api/v1/tokens/" + ownToken(t), null);
        entry("GET /api/v1/me", Role.VIEWER, "/api/v1/me");
        entry("GET /api/v1/openapi.json", null, "/api/v1/openapi.json");
        entry("GET /api/v1/openapi.json.yaml", null, "/api/v1/openapi.json.yaml");
        entry("GET /actuator/health", null, "/actuator/health");
        entry("GET /actuator/health/**", null, "/actuator/health/liveness");
        entry("GET /actuator/prometheus", Role.ADMIN, "/actuator/prometheus");
        entry("GET /actuator/info", Role.ADMIN, "/actuator/info");
        entry("GET /actuator", Role.ADMIN, "/actuator");
        // the web console (riposte.server.console)
        entry("GET /login", null, "/login");
        entry("GET /", Role.VIEWER, "/");
        entry("GET /console", Role.VIEWER, "/console");
        entry("GET /console/indicators", Role.VIEWER, "/console/indicators");
        entry("POST /console/indicators", Role.ANALYST, "/console/indicators");
        entry("GET /console/indicators/{id}", Role.VIEWER, t -> "/console/indicators/" + indicator(), null);
        // console incident pages (riposte.server.console.incident); form fields go in the query string
        entry("GET /console/incidents", Role.VIEWER, "/console/incidents?q=matrix&severity=LOW");
        entry("POST /console/incidents", Role.ANALYST, t -> "/console/incidents?name=matrix&severity=LOW", null);
        entry("GET /console/incidents/{id}", Role.VIEWER, t -> "/console/incidents/" + incident() + "?tab=artifacts", null);
        entry("POST /console/incidents/{id}", Role.ANALYST,
                t -> "/console/incidents/" + incident() + "?name=matrix&severity=HIGH&version=0", null);
        entry("POST /console/incidents/{id}/artifacts", Role.ANALYST,
                t -> "/console/incidents/" + incident() + "/artifacts?value=evil.example.com", null);
        entry("POST /console/incidents/{id}/notes", Role.ANALYST,
                t -> "/console/incidents/" + incident() + "/notes?body=matrix", null);
        entry("POST /console/incidents/{id}/attachments", Role.ANALYST,
                t -> new Call("/console/incidents/" + incident() + "/attachments", matrixFile()));
        entry("GET /console/incidents/{id}/tables/{table}", Role.VIEWER,
                t -> "/console/incidents/" + incident() + "/tables/sep_groups?sort=-group_name", null);
        entry("GET /console/incidents/{id}/actions", Role.VIEWER, t -> {
            long i = incident();
            return "/console/incidents/" + i + "/actions?kind=incident&object=" + i;
        }, null);
        entry("GET /console/incidents/{id}/actions/{playbookId}", Role.VIEWER, t -> {
            long i = incident();
            return "/console/incidents/" + i + "/actions/test-console-incident?kind=incident&object=" + i;
        }, null);
        entry("POST /console/incidents/{id}/runs", Role.ANALYST, t -> {
            long i = incident();
            return "/console/incidents/" + i + "/runs?playbook=test-console-incident&kind=incident&object=" + i;
        }, null);
        entry("GET /console/incidents/{id}/runs/{runId}", Role.VIEWER, t -> {
            long i = incident();
            String run = post("/api/v1/playbooks/test-console-incident/runs", Map.of("object",
                    Map.of("kind", "incident", "id", String.valueOf(i)), "inputs", Map.of())).get("id").asString();
            return "/console/incidents/" + i + "/runs/" + run;
        }, null);
        entry("GET /console/indicators/{id}/actions", Role.VIEWER, t -> "/console/indicators/" + indicator() + "/actions",
                null);
        entry("GET /console/indicators/{id}/actions/{playbookId}", Role.VIEWER,
                t -> "/console/indicators/" + indicator() + "/actions/test-note", null);
        entry("POST /console/indicators/{id}/runs", Role.ANALYST,
                t -> "/console/indicators/" + indicator() + "/runs?playbook=test-note", null);
        entry("GET /console/runs", Role.VIEWER, "/console/runs");
        entry("GET /console/runs/{runId}", Role.VIEWER, t -> "/console/runs/" + waitingForApproval(), null);
        entry("POST /console/runs/{runId}/cancel", Role.ANALYST, t -> "/console/runs/" + waitingForApproval() + "/cancel", null);
        entry("POST /console/runs/{runId}/decide", Role.ANALYST,
                t -> "/console/runs/" + waitingForApproval() + "/decide?step=approve&approve=true", null);
        entry("GET /console/settings", Role.ADMIN, "/console/settings");
        entry("GET /console/settings/users", Role.ADMIN, "/console/settings/users");
        entry("POST /console/settings/users", Role.ADMIN, t -> "/console/settings/users?username="
                + unique("console") + "&role=viewer&password=a-long-enough-password", null);
        entry("POST /console/settings/users/{id}", Role.ADMIN,
                t -> "/console/settings/users/" + user(Role.VIEWER) + "?role=analyst&version=0", null);
        entry("GET /console/settings/tokens", Role.ADMIN, "/console/settings/tokens");
        entry("POST /console/settings/tokens", Role.ADMIN, t -> "/console/settings/tokens?name=matrix", null);
        entry("POST /console/settings/tokens/{id}/revoke", Role.ADMIN,
                t -> "/console/settings/tokens/" + ownToken(t) + "/revoke", null);
        entry("GET /console/settings/credentials", Role.ADMIN, "/console/settings/credentials");
        entry("POST /console/settings/credentials", Role.ADMIN,
                t -> "/console/settings/credentials?kind=SEPM&secret=s&name=" + unique("matrix"), null);
        entry("POST /console/settings/credentials/{id}", Role.ADMIN,
                t -> "/console/settings/credentials/" + credential() + "?version=0&description=changed", null);
        entry("POST /console/settings/credentials/{id}/test", Role.ADMIN,
                t -> "/console/settings/credentials/" + credential() + "/test", null);
        entry("POST /console/settings/credentials/{id}/delete", Role.ADMIN,
                t -> "/console/settings/credentials/" + credential() + "/delete", null);
        entry("GET /console/settings/attributes", Role.ADMIN, "/console/settings/attributes");
        entry("POST /console/settings/attributes/import", Role.ADMIN, "/console/settings/attributes/import");
        entry("GET /console/settings/enrichment", Role.ANALYST, "/console/settings/enrichment");
        autoEnrichmentEntries();
        entry("GET /console/audit", Role.ADMIN, "/console/audit?objectType=incident");
        entry("GET /console/account", Role.VIEWER, "/console/account");
        entry("POST /console/account/tokens", Role.VIEWER, t -> "/console/account/tokens?name=matrix", null);
        entry("POST /console/account/tokens/{id}/revoke", Role.VIEWER,
                t -> "/console/account/tokens/" + ownToken(t) + "/revoke", null);
        entry("GET /console/reports", Role.VIEWER, "/console/reports");
        entry("GET /console/reports/{id}", Role.VIEWER, t -> "/console/reports/" + report(), null);
        entry("GET /console/reports/{id}/body", Role.VIEWER, t -> "/console/reports/" + report() + "/body", null);
        allowListEntries();
        mailEntries();
    }

    /** E-mail ingestion (riposte.server.ingest): reading for viewers, uploads and the rule for admins. */
    private void mailEntries() {
        String raw = "From: matrix@example.com\r\nSubject: matrix\r\nMessage-ID: <" + unique("matrix") + "@m>\r\n\r\nhello\r\n";
        entry("POST /api/v1/mail/messages", Role.ADMIN, t -> new Call("/api/v1/mail/messages", raw));
        entry("GET /api/v1/mail/messages", Role.VIEWER, "/api/v1/mail/messages?outcome=IGNORED");
        entry("GET /api/v1/mail/messages/{id}", Role.VIEWER, t -> "/api/v1/mail/messages/"
                + post("/api/v1/mail/messages", raw).get("message").get("id").asLong(), null);
        entry("GET /api/v1/incidents/{incidentId}/mail", Role.VIEWER, t -> "/api/v1/incidents/" + incident() + "/mail", null);
        entry("GET /api/v1/mail/rule", Role.VIEWER, "/api/v1/mail/rule");
        entry("PUT /api/v1/mail/rule", Role.ADMIN, t -> {
            JsonNode rule = get("/api/v1/mail/rule").body();
            return new Call("/api/v1/mail/rule", Map.of("subjects", rule.get("subjects"), "senders", rule.get("senders"),
                    "version", rule.get("version").asLong()));
        });
    }

    /** The allow-list (riposte.server.allowlist, riposte.server.console.settings): read for analysts, changes for admins. */
    private void allowListEntries() {
        entry("GET /api/v1/allowlist", Role.ANALYST, "/api/v1/allowlist?kind=domain");
        entry("GET /api/v1/allowlist/check", Role.ANALYST, "/api/v1/allowlist/check?value=8.8.8.8");
        entry("GET /api/v1/allowlist/{id}", Role.ANALYST, t -> "/api/v1/allowlist/" + allowListEntry(), null);
        entry("POST /api/v1/allowlist", Role.ADMIN, t -> new Call("/api/v1/allowlist", allowListBody()));
        entry("DELETE /api/v1/allowlist/{id}", Role.ADMIN, t -> "/api/v1/allowlist/" + allowListEntry(), null);
        entry("GET /console/settings/allowlist", Role.ANALYST, "/console/settings/allowlist?q=matrix");
        entry("POST /console/settings/allowlist", Role.ADMIN, t -> "/console/settings/allowlist?text="
                + unique("matrix") + ".example&reason=matrix", null);
        entry("POST /console/settings/allowlist/{id}/delete", Role.ADMIN,
                t -> "/console/settings/allowlist/" + allowListEntry() + "/delete", null);
        entry("GET /console/settings/allowlist/check", Role.ANALYST, "/console/settings/allowlist/check?value=8.8.8.8");
    }

    private static Map<String, Object> allowListBody() {
        return Map.of("entries", List.of(Map.of("value", unique("matrix") + ".example", "reason", "matrix")));
    }

    private long allowListEntry() {
        Reply reply = post("/api/v1/allowlist", allowListBody());
        assertThat(reply.status()).as("fixture: %s", reply.body()).isEqualTo(201);
        return reply.body().get(0).get("id").asLong();
    }

    /**
     * The auto-enrichment rules (riposte.server.settings): the admin's changes write back what is in force (or, in the
     * console, send a stale version), so that other tests sharing this database see no difference.
     */
    private void autoEnrichmentEntries() {
        String api = "/api/v1/settings/auto-enrichment";
        entry("GET " + api, Role.ANALYST, api);
        entry("PUT " + api, Role.ADMIN, t -> {
            JsonNode now = get(api).body();
            return new Call(api, Map.of("enabled", now.get("enabled").asBoolean(), "sources", now.get("sources"),
                    "types", now.get("types"), "playbooks", now.get("playbooks"), "version", now.get("version")));
        });
        entry("DELETE " + api, Role.ADMIN, t -> api + "?version=" + get(api).get("version").asLong(), null);
        entry("POST /console/settings/enrichment", Role.ADMIN, "/console/settings/enrichment?version=-1");
        entry("POST /console/settings/enrichment/reset", Role.ADMIN, "/console/settings/enrichment/reset?version=-1");
    }

    @Test
    void everyEndpointHasAMatrixEntry() {
        buildMatrix();
        var endpoints = new TreeSet<String>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) endpoints.add("* " + pattern);
                    for (RequestMethod m : methods) endpoints.add(m.name() + " " + pattern);
                }
            }
        }
        NOT_ENDPOINTS.forEach(endpoints::remove);
        assertThat(matrix.keySet()).as("the authorisation matrix must list every endpoint of the server, and only those")
                .containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() {
        buildMatrix();
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) tokens.put(role, role == Role.ADMIN ? ADMIN_TOKEN : tokenFor(user(role)));
        SoftAssertions softly = new SoftAssertions();
        List<String> table = new ArrayList<>();
        matrix.forEach((key, entry) -> {
            String method = key.substring(0, key.indexOf(' '));
            for (Role role : roles()) {
                String token = role == null ? null : tokens.get(role);
                Call call = entry.call().apply(token == null ? ADMIN_TOKEN : token);
                Reply reply = sendAs(token, method, call.path(), call.body());
                int expected = entry.minimum() == null ? 200 : role == null ? 401
                        : role.includes(entry.minimum()) ? 200 : 403;
                table.add(key + " as " + role + " -> " + reply.status());
                if (expected == 200) {
                    // 3xx too: a console form answers a post with a redirect (post/redirect/get); refusals are 401/403
                    softly.assertThat(reply.status()).as("%s as %s: %s", key, role, reply.body()).isBetween(200, 399);
                } else {
                    softly.assertThat(reply.status()).as("%s as %s", key, role).isEqualTo(expected);
                    softly.assertThat(reply.contentType()).as("%s as %s", key, role)
                            .startsWith("application/problem+json");
                }
            }
        });
        softly.assertAll();
        assertThat(table).hasSize(matrix.size() * 5);
    }

    /**
     * Issue 16 item 14 (kept): malformed, deeply nested, 2 MB, NUL-byte and wrongly typed bodies on every write
     * endpoint of the API, and hostile paging and sort parameters on every read, answer 4xx (or succeed), never 5xx.
     */
    @Test
    void hostileBodiesAndParametersNeverAnswerA5xx() {
        buildMatrix();
        List<String> bodies = List.of("{", "{\"name\": ", "[".repeat(100_000), "{\"a\":".repeat(20_000),
                "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"value\":\"" + "y".repeat(1024) + "\"}",
                "{\"name\":\"a\u0000b\",\"value\":\"\u0000\",\"body\":\"\u0000\",\"title\":\"\u0000\"}",
                "null", "[]", "42", "\"text\"", "{\"version\":\"NaN\",\"severity\":[1],\"tags\":{\"a\":1}}",
                // found by riposte-bench's FuzzBenchmark: a list or object where a string is read from a JSON tree
                "{\"format\":{\"a\":1},\"attributeDefinitions\":[{\"name\":\"x\",\"description\":{\"a\":1}}]}",
                "{\"attributeDefinitions\":[{\"name\":[\"x\"],\"type\":{}}]}");
        List<String> queries = List.of("page=-1&size=-5", "page=2147483647&size=2147483647", "size=abc&page=1e9",
                "sort=%3BDROP%20TABLE%20incidents", "sort=name,sideways&order=%00", "q=%00%FF" + "a".repeat(10_000),
                // found by riposte-bench's FuzzBenchmark: Tomcat refuses these when a parameter is first read
                "=0&page=0", "page=0&=admin");
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (var e : matrix.entrySet()) {
            String key = e.getKey();
            String method = key.substring(0, key.indexOf(' '));
            if (!key.contains(" /api/")) continue;
            String path = e.getValue().call().apply(ADMIN_TOKEN).path();
            if (method.equals("GET")) {
                for (String q : queries) {
                    Reply reply = sendAs(ADMIN_TOKEN, method, path + (path.contains("?") ? "&" : "?") + q, null);
                    softly.assertThat(reply.status()).as("%s ?%s: %s", key, q.length() > 80 ? q.substring(0, 80) : q,
                            reply.body()).isLessThan(500);
                    sent++;
                }
            } else if (!method.equals("DELETE")) {
                for (String body : bodies) {
                    Reply reply = sendAs(ADMIN_TOKEN, method, path, body);
                    softly.assertThat(reply.status()).as("%s with %s: %s", key,
                            body.length() > 40 ? body.substring(0, 40) + "… (" + body.length() + " chars)" : body,
                            reply.body()).isLessThan(500);
                    sent++;
                }
            }
        }
        softly.assertAll();
        assertThat(sent).isGreaterThan(100);
    }

    /**
     * Issue 16 item 10: a JSON body over riposte.server.max-body-size (10 MB by default) is a 413 naming the limit,
     * whether it says its length or is sent chunked; one nested deeper than the JSON reader allows is a 400 naming it.
     */
    @Test
    void bodiesOverALimitAreRefusedNamingTheLimit() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\",\"severity\":\"LOW\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newHttpClient();
        for (boolean chunked : List.of(false, true)) {
            var publisher = chunked ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big)) : java.net.http.HttpRequest.BodyPublishers.ofByteArray(big);
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/v1/incidents")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/json").POST(publisher).build();
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("chunked %s: %s", chunked, response.body()).isEqualTo(413);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("detail").asString()).contains("at most 10485760 bytes", "RIPOSTE_MAX_BODY_SIZE");
        }
        Reply deep = post("/api/v1/reports", "{\"title\":\"deep\",\"html\":\"<p>x</p>\",\"json\":"
                + "[".repeat(100_000));
        assertThat(deep.status()).as("%s", deep.body()).isEqualTo(400);
        assertThat(deep.get("detail").asString()).containsIgnoringCase("nesting depth");
    }

    private static List<Role> roles() {
        var roles = new ArrayList<Role>();
        roles.add(null);
        roles.addAll(List.of(Role.values()));
        return roles;
    }

    private long incident() {
        return created(post("/api/v1/incidents", Map.of("name", unique("matrix"), "severity", "LOW")));
    }

    private String childPath(String child, Map<String, Object> create) {
        long incident = incident();
        return "/api/v1/incidents/" + incident + "/" + child + "/"
                + created(post("/api/v1/incidents/" + incident + "/" + child, create));
    }

    private static Map<String, Object> tableBody() {
        return Map.of("name", "m_" + unique("t").replace('-', '_'), "displayName", "matrix",
                "columns", List.of(Map.of("name", "a", "type", "text")));
    }

    private long table() {
        return created(post("/api/v1/data-tables", tableBody()));
    }

    private String rowPath(Map<String, Object> row) {
        String path = "/api/v1/incidents/" + incident() + "/data-tables/sep_groups/rows";
        return path + "/" + created(post(path, row));
    }

    private static Map<String, Object> reportBody() {
        return Map.of("title", "matrix", "html", "<h1>matrix</h1>", "json", Map.of("a", 1));
    }

    private long report() {
        return created(post("/api/v1/reports", reportBody()));
    }

    private long credential() {
        return created(post("/api/v1/credentials", Map.of("name", unique("matrix"), "kind", "SEPM", "secret", "x")));
    }

    private static Upload matrixFile() {
        return new Upload("matrix.txt", "text/plain", unique("matrix").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String attachmentPath() {
        long incident = incident();
        return "/api/v1/incidents/" + incident + "/attachments/"
                + created(upload("/api/v1/incidents/" + incident + "/attachments", matrixFile()));
    }

    private long indicator() {
        return created(post("/api/v1/indicators", Map.of("value", unique("matrix") + ".example.net")));
    }

    /** A run of {@code playbook} (started by the admin) on a new indicator. */
    private String run(String playbook) {
        Reply reply = post("/api/v1/playbooks/" + playbook + "/runs",
                Map.of("object", Map.of("kind", "indicator", "id", String.valueOf(indicator()))));
        assertThat(reply.status()).as("fixture: %s", reply.body()).isEqualTo(202);
        return reply.get("id").asString();
    }

    /** A run of test-approval once it waits for its approval step. */
    private String waitingForApproval() {
        String id = run("test-approval");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"WAITING".equals(get("/api/v1/runs/" + id).get("state").asString())) {
            if (System.nanoTime() > deadline) throw new AssertionError("run " + id + " never waited for approval");
            Thread.onSpinWait();
        }
        return id;
    }

    private Map<String, Object> newUserBody(Role role) {
        return Map.of("username", unique(role.name().toLowerCase()), "role", role.name(),
                "password", "a-long-enough-password");
    }

    private long user(Role role) {
        return created(post("/api/v1/users", newUserBody(role)));
    }

    private String tokenFor(long userId) {
        String owner = get("/api/v1/users/" + userId).get("username").asString();
        Reply reply = post("/api/v1/tokens", Map.of("name", "matrix", "owner", owner));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.get("token").asString();
    }

    /** A token owned by the caller, so that revoking it is allowed. */
    private long ownToken(String callerToken) {
        return created(sendAs(callerToken, "POST", "/api/v1/tokens", Map.of("name", "to revoke")));
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as("fixture: %s", reply.body()).isEqualTo(201);
        return reply.get("id").asLong();
    }
}
