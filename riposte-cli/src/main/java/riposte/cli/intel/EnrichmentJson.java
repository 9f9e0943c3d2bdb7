package riposte.cli.intel;

import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.SectionOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} form of one enrichment: {@code indicator} ({@code type}, {@code value}), {@code verdict},
 * {@code verdictReasons}, one member per fetched section holding Symantec's reply with its own field names,
 * {@code errors} per failed section, {@code notApplicable} per skipped section, and {@code cache} provenance.
 */
final class EnrichmentJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private EnrichmentJson() {}

    static ObjectNode of(Enrichment e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode indicator = root.putObject("indicator");
        indicator.put("type", e.indicator().type().id());
        indicator.put("value", e.indicator().value());
        root.put("verdict", e.assessment().verdict().name().toLowerCase(java.util.Locale.ROOT));
        var reasons = root.putArray("verdictReasons");
        e.assessment().reasons().forEach(reasons::add);
        ObjectNode errors = null;
        ObjectNode notApplicable = null;
        ObjectNode cache = null;
        for (SectionOutcome o : e.outcomes()) {
            String name = o.section().jsonName();
            switch (o) {
                case SectionOutcome.Fetched f -> {
                    root.set(name, parse(f.result().raw()));
                    if (cache == null) cache = JSON.createObjectNode();
                    ObjectNode c = cache.putObject(name);
                    c.put("hit", f.provenance().cacheHit());
                    c.put("fetchedAt", f.provenance().fetchedAt().toString());
                    c.put("ageSeconds", f.provenance().age().toSeconds());
                }
                case SectionOutcome.Failed f -> {
                    if (errors == null) errors = JSON.createObjectNode();
                    ObjectNode err = errors.putObject(name);
                    err.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
                    err.put("message", f.message());
                    err.put("retriable", f.retriable());
                }
                case SectionOutcome.NotApplicable n -> {
                    if (notApplicable == null) notApplicable = JSON.createObjectNode();
                    notApplicable.put(name, n.reason());
                }
            }
        }
        root.set("errors", errors == null ? JSON.createObjectNode() : errors);
        if (notApplicable != null) root.set("notApplicable", notApplicable);
        if (cache != null) root.set("cache", cache);
        return root;
    }

    static String line(Enrichment e) {
        return JSON.writeValueAsString(of(e));
    }

    static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (JacksonException notJson) {
            return JSON.getNodeFactory().stringNode(raw);
        }
    }
}
