package riposte.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.ApiTestBase;
import riposte.simulator.ses.SesSimulator;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/settings/auto-enrichment} over HTTP, and its effect on new indicators. The configuration here turns
 * auto-enrichment on with {@code types.url=false}, and points Symantec at the SES simulator. Whether a rule started
 * an auto-enrichment run is read after the run of the test playbook {@code test-rule} (a rule on indicators tagged
 * {@code auto-note}, calling no source) appears: rules are evaluated built-ins first, in one pass per new object, so
 * by then the decision on the Symantec playbooks has been taken. Each test resets the rules to the configuration.
 */
abstract class AutoEnrichmentSettingsApiContract extends ApiTestBase {
    private static final String API = "/api/v1/settings/auto-enrichment";
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final SesSimulator SES = SesSimulator.builder().port(0).build().start();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:riposte-settings;DB_CLOSE_DELAY=-1");
        registry.add("riposte.playbooks.auto-enrichment.enabled", () -> "true"); // ApiTestBase turns it off
        registry.add("riposte.playbooks.auto-enrichment.types.url", () -> "false");
        registry.add("riposte.settings.check-interval", () -> "200ms");
        registry.add("riposte.ses.url", () -> SES.baseUrl().toString());
        registry.add("riposte.ses.client-id", SES::clientId);
        registry.add("riposte.ses.client-secret", SES::clientSecret);
    }

    @Autowired
    SettingsStore store;

    @Autowired
    AutoEnrichmentSettings settings;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetToConfiguration() {
        Reply reply = delete(API + "?version=" + get(API).get("version").asLong());
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    }

    @Test
    void theConfigurationGivesTheRulesUntilAnAdminSaves() {
        JsonNode rules = get(API).body();
        assertThat(rules.get("origin").asString()).isEqualTo("configuration");
        assertThat(rules.get("enabled").asBoolean()).isTrue();
        assertThat(rules.get("types").get("url").asBoolean()).isFalse();
        assertThat(rules.get("types").get("sha256").asBoolean()).isTrue();
        assertThat(rules.get("types").propertyNames()).contains("sha256", "md5", "domain", "ipv4", "cve", "email");
        assertThat(rules.get("sources").get("ses").asBoolean()).isTrue();
        assertThat(rules.get("playbooks").propertyNames())
                .containsExactlyInAnyOrder("ses-file-insight", "ses-network-insight", "ses-cve-protection");
        assertThat(rules.get("configuration").get("types").get("url").asBoolean()).isFalse();
        JsonNode known = rules.get("known");
        assertThat(known.get("sources").get(0).get("id").asString()).isEqualTo("ses");
        assertThat(known.get("sources").get(0).get("name").asString()).isEqualTo("Symantec Threat Intelligence");
        JsonNode fileInsight = known.get("playbooks").valueStream()
                .filter(p -> p.get("id").asString().equals("ses-file-insight")).findFirst().orElseThrow();
        assertThat(fileInsight.get("types").valueStream().map(JsonNode::asString)).containsExactly("sha256");
        JsonNode networkInsight = known.get("playbooks").valueStream()
                .filter(p -> p.get("id").asString().equals("ses-network-insight")).findFirst().orElseThrow();
        assertThat(networkInsight.get("types").valueStream().map(JsonNode::asString)).contains("domain", "url");
    }

    @Test
    void analystsReadTheRulesAndOnlyAdminsChangeThem() {
        String analyst = tokenFor("ANALYST");
        assertThat(sendAs(analyst, "GET", API, null).status()).isEqualTo(200);
        problem(sendAs(tokenFor("VIEWER"), "GET", API, null), 403);
        JsonNode before = get(API).body();
        problem(sendAs(analyst, "PUT", API, Map.of("enabled", false, "version", before.get("version"))), 403);
        problem(sendAs(tokenFor("RESPONDER"), "DELETE", API + "?version=" + before.get("version"), null), 403);
        assertThat(get(API).body()).isEqualTo(before);
    }

    @Test
    void aSavedRuleDecidesWhatANewIndicatorGets() {
        long version = get(API).get("version").asLong();
        Reply saved = put(API, Map.of("enabled", true, "types", Map.of("sha256", false), "version", version));
        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
        assertThat(saved.get("origin").asString()).isEqualTo("saved");
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.get("updatedBy").asString()).isEqualTo("admin");
        assertThat(saved.get("types").get("sha256").asBoolean()).isFalse();
        assertThat(saved.get("types").get("url").asBoolean()).as("the saved rules replace the configuration's")
                .isTrue();
        assertThat(get(API).body()).isEqualTo(saved.body());

        long file = newIndicator(sha256());
        assertThat(runs("ses-file-insight", file)).as("file auto-enrichment is off").isZero();
        long domain = newIndicator(unique("settings") + ".example.com");
        assertThat(runs("ses-network-insight", domain)).as("domain auto-enrichment is still on").isEqualTo(1);

        resetToConfiguration();
        long fileAgain = newIndicator(sha256());
        assertThat(runs("ses-file-insight", fileAgain)).as("back to the configuration: on").isEqualTo(1);
    }

    @Test
    void switchingAutoEnrichmentOffAsAWholeOrPerSourceOrPlaybookStopsIt() {
        for (Map<String, Object> off : List.<Map<String, Object>>of(Map.of("enabled", false),
                Map.of("enabled", true, "sources", Map.of("ses", false)),
                Map.of("enabled", true, "playbooks", Map.of("ses-network-insight", false)))) {
            var body = new HashMap<>(off);
            body.put("version", get(API).get("version").asLong());
            assertThat(put(API, body).status()).isEqualTo(200);
            long domain = newIndicator(unique("off") + ".example.org");
            assertThat(runs("ses-network-insight", domain)).as("%s", off).isZero();
        }
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        long version = get(API).get("version").asLong();
        assertThat(put(API, Map.of("enabled", true, "types", Map.of("cve", false), "version", version)).status())
                .isEqualTo(200);
        JsonNode saved = get(API).body();
        JsonNode conflict = problem(put(API, Map.of("enabled", false, "version", version)), 409);
        assertThat(conflict.get("detail").asString()).contains("auto-enrichment").contains("version " + version);
        problem(delete(API + "?version=" + version), 409);
        assertThat(get(API).body()).isEqualTo(saved);
    }

    @Test
    void unknownSourcesTypesAndPlaybooksAre400sNamingEachAndChangeNothing() {
        JsonNode before = get(API).body();
        JsonNode problem = problem(put(API, Map.of("enabled", false, "sources", Map.of("virustotal", false),
                "types", Map.of("file", false, "sha256", false), "playbooks", Map.of("ses-file-related", false),
                "version", before.get("version"))), 400);
        Map<String, String> errors = new HashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors).containsOnlyKeys("sources.virustotal", "types.file", "playbooks.ses-file-related");
        assertThat(errors.get("sources.virustotal")).isEqualTo("unknown source 'virustotal'; accepted: ses");
        assertThat(errors.get("types.file")).startsWith("unknown indicator type 'file'; accepted: sha256, md5, sha1,");
        assertThat(errors.get("playbooks.ses-file-related")).contains("accepted: ")
                .contains("ses-file-insight").contains("ses-network-insight").contains("ses-cve-protection");
        JsonNode missing = problem(put(API, Map.of("types", Map.of("sha256", false))), 400);
        assertThat(missing.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("enabled", "version");
        assertThat(get(API).body()).isEqualTo(before);
    }

    @Test
    void savesAndResetsAreAuditedWithTheRulesBeforeAndAfter() {
        long version = get(API).get("version").asLong();
        assertThat(put(API, Map.of("enabled", true, "types", Map.of("sha1", false), "version", version)).status())
                .isEqualTo(200);
        resetToConfiguration();
        JsonNode entries = get("/api/v1/audit?objectType=setting&objectId=auto-enrichment&size=2").get("items");
        JsonNode reset = entries.get(0);
        JsonNode update = entries.get(1);
        assertThat(reset.get("action").asString()).isEqualTo("reset");
        assertThat(reset.get("actor").asString()).isEqualTo("admin");
        assertThat(reset.get("before").get("origin").asString()).isEqualTo("saved");
        assertThat(reset.get("after").get("origin").asString()).isEqualTo("configuration");
        assertThat(reset.get("after").get("rules").get("types").get("url").asBoolean()).isFalse();
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.get("before").get("rules").get("types").get("sha1").asBoolean()).isTrue();
        assertThat(update.get("after").get("rules").get("types").get("sha1").asBoolean()).isFalse();
        assertThat(update.get("after").get("version").asLong()).isEqualTo(version + 1);
    }

    /** Another server on the same database saves (its row write, without this node's cache invalidation). */
    @Test
    void aSaveOnAnotherNodeIsSeenWithinTheCheckInterval() {
        assertThat(settings.current().allows("ses-file-insight", List.of("ses"), "md5")).isTrue();
        transactions.executeWithoutResult(tx -> store.write(AutoEnrichmentSettings.KEY,
                "{\"enabled\":true,\"sources\":{},\"types\":{\"md5\":false},\"playbooks\":{}}",
                store.version(AutoEnrichmentSettings.KEY), "other-node"));
        await(() -> !settings.current().allows("ses-file-insight", List.of("ses"), "md5"));
        assertThat(get(API).get("updatedBy").asString()).isEqualTo("other-node");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        JsonNode path = get("/api/v1/openapi.json").get("paths").get(API);
        assertThat(path.get("get").get("summary").asString()).isEqualTo("The auto-enrichment rules in force");
        assertThat(path.get("put").get("responses").propertyNames()).contains("200", "400", "409");
        assertThat(path.get("delete").get("parameters").get(0).get("name").asString()).isEqualTo("version");
        assertThat(path.get("put").get("tags").get(0).asString()).isEqualTo("Settings");
    }

    // --- helpers

    /** A new indicator tagged for test-rule; returns once test-rule ran on it (so every rule has been decided). */
    private long newIndicator(String value) {
        Reply reply = post("/api/v1/indicators", Map.of("value", value, "tags", List.of("auto-note")));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        long id = reply.get("id").asLong();
        await(() -> runs("test-rule", id) == 1);
        return id;
    }

    private long runs(String playbook, long indicator) {
        return get("/api/v1/runs?playbook=" + playbook + "&objectKind=indicator&objectId=" + indicator)
                .get("totalItems").asLong();
    }

    private static void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String sha256() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An API token of a new user with {@code role}. */
    private String tokenFor(String role) {
        String username = unique(role.toLowerCase(java.util.Locale.ROOT));
        assertThat(post("/api/v1/users", Map.of("username", username, "role", role,
                "password", "a-long-enough-password")).status()).isEqualTo(201);
        Reply token = post("/api/v1/tokens", Map.of("name", "settings", "owner", username));
        assertThat(token.status()).as("%s", token.body()).isEqualTo(201);
        return token.get("token").asString();
    }
}
