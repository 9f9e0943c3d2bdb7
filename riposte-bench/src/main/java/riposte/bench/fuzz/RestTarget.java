package riposte.bench.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.bench.server.BenchSupport;
import riposte.server.RiposteServer;
import tools.jackson.databind.JsonNode;

/**
 * The REST API's JSON bodies and query parameters against a running server over real HTTP (an H2 file database in a
 * temporary directory): mutated from valid requests to every write endpoint and the list endpoints' parameters. A
 * finding is any 5xx, or an answer that takes longer than the client's timeout.
 */
final class RestTarget implements FuzzTarget {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private record Call(String method, String path, String body) {}

    private final Path dir;
    private final ConfigurableApplicationContext server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final String token = "rip_fuzz" + BenchSupport.random(30);
    private final List<Call> seeds = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private Call current;

    RestTarget() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("riposte-fuzz-rest");
        List<String> args = BenchSupport.serverArgs(dir, token, BenchSupport.random(18));
        args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("riposte") + ";DB_CLOSE_ON_EXIT=FALSE");
        args.add("--riposte.playbooks.auto-enrichment.enabled=false");
        server = RiposteServer.start(args.toArray(String[]::new));
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        long incident = id(send("POST", "/api/v1/incidents", "{\"name\":\"fuzz\",\"severity\":\"LOW\"}"));
        long indicator = id(send("POST", "/api/v1/indicators", "{\"value\":\"fuzz.example.org\"}"));
        String i = "/api/v1/incidents/" + incident;
        long artifact = id(send("POST", i + "/artifacts", "{\"value\":\"evil.example.com\"}"));
        long note = id(send("POST", i + "/notes", "{\"body\":\"a note\"}"));
        long task = id(send("POST", i + "/tasks", "{\"title\":\"a task\"}"));
        seed("POST", "/api/v1/incidents", Map.of("name", "fuzz incident", "description", "d", "type", "Malware",
                "severity", "HIGH", "owner", "admin"));
        seed("PATCH", i, Map.of("name", "renamed", "severity", "HIGH", "status", "IN_PROGRESS", "version", 0));
        seed("POST", i + "/artifacts", Map.of("type", "domain", "value", "hxxp://evil[.]example/x", "description",
                "from a mail", "source", "fuzz"));
        seed("PATCH", i + "/artifacts/" + artifact, Map.of("description", "changed", "allowListed", true,
                "allowListReason", "ours", "version", 0));
        seed("POST", i + "/notes", Map.of("body", "a note with <b>html</b>"));
        seed("PATCH", i + "/notes/" + note, Map.of("body", "changed", "version", 0));
        seed("POST", i + "/tasks", Map.of("title", "t", "instructions", "do it", "owner", "admin",
                "dueAt", "2027-01-01T00:00:00Z"));
        seed("PATCH", i + "/tasks/" + task, Map.of("status", "done", "title", "t2", "version", 0));
        seed("POST", "/api/v1/indicators", Map.of("type", "sha256", "value",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "tags", List.of("a", "b"),
                "verdict", "MALICIOUS", "confidence", 80));
        seed("PATCH", "/api/v1/indicators/" + indicator, Map.of("tags", List.of("x"), "verdict", "BENIGN",
                "confidence", 10, "version", 0));
        seed("PUT", "/api/v1/indicators/" + indicator + "/attributes", Map.of("name", "Symantec ThreatIntel Reputation",
                "value", "MALICIOUS", "source", "fuzz"));
        seed("POST", "/api/v1/attribute-definitions/import", Map.of("attributeDefinitions",
                List.of(Map.of("name", "Fuzz attribute", "type", "text", "description", "d"))));
        seed("POST", "/api/v1/enrichment/bulk", Map.of("indicators", List.of("not an indicator", "evil[.]example"),
                "playbooks", List.of("ses-network-insight"), "createAssociated", false));
        seed("POST", "/api/v1/reports", Map.of("title", "a report", "kind", "fuzz", "indicatorIds", List.of(indicator),
                "incidentIds", List.of(incident)));
        seed("POST", "/api/v1/data-tables", Map.of("name", "fuzz_t", "displayName", "fuzz", "columns",
                List.of(Map.of("name", "a", "type", "text"), Map.of("name", "n", "type", "number"),
                        Map.of("name", "s", "type", "select", "options", List.of("x", "y")))));
        seed("POST", i + "/data-tables/sep_groups/rows", Map.of("cells", Map.of("group_name", "fuzz")));
        seed("POST", "/api/v1/playbooks/ses-network-insight/runs", Map.of("object", Map.of("kind", "indicator",
                "id", String.valueOf(indicator)), "inputs", Map.of()));
        seed("POST", "/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", "*.fuzz.example", "reason", "r"),
                Map.of("value", "10.9.0.0/16", "reason", "r", "expiresAt", "2030-01-01T00:00:00Z")), "reason", "shared"));
        seed("PUT", "/api/v1/mail/rule", Map.of("subjects", List.of("Risk"), "senders", List.of("sepm@corp.example"),
                "version", 0));
        seed("POST", "/api/v1/credentials", Map.of("name", "fuzz cred", "kind", "SES", "secret", "s3cret",
                "url", "https://api.example", "description", "d"));
        seed("POST", "/api/v1/users", Map.of("username", "fuzzuser", "displayName", "Fuzz", "email", "f@example.com",
                "role", "viewer", "password", "a-long-password-1"));
        seed("POST", "/api/v1/tokens", Map.of("name", "fuzz", "expiresInDays", 30));
        for (String list : List.of("/api/v1/incidents?status=OPEN&severity=HIGH&q=x&sort=-createdAt&page=0&size=20",
                "/api/v1/indicators?type=domain&q=evil&verdict=MALICIOUS&tag=a&page=0&size=20",
                "/api/v1/audit?actor=admin&action=x&page=0&size=20", "/api/v1/runs?objectKind=indicator&status=x&page=1",
                i + "/artifacts?type=domain&page=0&size=5", i + "/data-tables/sep_groups/rows?page=0&size=10&sort=group_name",
                "/api/v1/mail/messages?outcome=IGNORED&page=0&size=50", "/api/v1/allowlist?kind=domain&q=x&page=0",
                "/api/v1/reports?indicatorId=" + indicator + "&page=0", "/api/v1/tokens?owner=admin&size=3")) {
            queries.add(list);
        }
    }

    private void seed(String method, String path, Map<String, ?> body) {
        seeds.add(new Call(method, path, Mutator.object(body)));
    }

    private static long id(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("fixture: " + r.statusCode() + " " + r.body());
        JsonNode n = Mutator.JSON.readTree(r.body());
        return n.path("id").asLong();
    }

    @Override
    public String name() {
        return "REST API over HTTP";
    }

    @Override
    public String next(Mutator m) {
        if (m.chance(0.25)) {
            String q = m.pick(queries);
            int at = q.indexOf('?');
            String query = m.text(q.substring(at + 1));
            current = new Call("GET", q.substring(0, at), null);
            return query;
        }
        Call seed = m.pick(seeds);
        current = seed;
        return m.chance(0.1) ? m.text(seed.body()) : m.json(seed.body());
    }

    @Override
    public void feed(String input) throws Exception {
        Call c = current;
        HttpResponse<String> r;
        try {
            r = c.body() == null ? send("GET", c.path() + "?" + encodeQuery(input), null) : send(c.method(), c.path(), input);
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT.toSeconds() + " s: " + c.method() + " " + c.path());
        }
        if (r.statusCode() >= 500) {
            throw new AssertionError(r.statusCode() + " from " + c.method() + " " + c.path() + ": "
                    + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
        }
    }

    /** Query text as a client would send it: each name and value percent-encoded (the mutation is in the values). */
    private static String encodeQuery(String query) {
        StringBuilder b = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (!b.isEmpty()) b.append('&');
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            b.append(URLEncoder.encode(name, StandardCharsets.UTF_8));
            if (eq >= 0) b.append('=').append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
        server.close();
        BenchSupport.deleteTree(dir);
    }
}
