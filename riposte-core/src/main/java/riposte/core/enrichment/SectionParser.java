package riposte.core.enrichment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses Threat Intel reply bodies (camelCase JSON, as documented in the SES Threat Intel reference §4) into the
 * typed records. Tolerant by design: every field but the echo key is optional, {@code null} elements inside
 * arrays are skipped, unknown enum values are kept verbatim, and values of an unexpected JSON type become null.
 * Only a body that is not a JSON object at all is an error ({@link MalformedReplyException}).
 */
public final class SectionParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A lineage deeper than this is cut: real chains are a handful of processes; this guards the stack. */
    private static final int MAX_CHAIN_DEPTH = 64;

    private SectionParser() {}

    /**
     * Parses {@code raw}, the reply to a {@code section} query about {@code indicator}.
     *
     * @throws MalformedReplyException if the body is not a JSON object
     */
    public static SectionResult parse(Section section, Indicator indicator, String raw) {
        JsonNode root = readObject(raw);
        return switch (section) {
            case INSIGHT -> isFile(indicator) ? fileInsight(indicator, root, raw) : networkInsight(indicator, root, raw);
            case PROTECTION -> protection(indicator, root, raw);
            case RELATED -> new Related(indicator, echo(root), groups(root.get("related")), raw);
            case PROCESS_CHAIN -> processChain(indicator, root, raw);
            case HISTORY -> history(indicator, root, raw);
        };
    }

    private static boolean isFile(Indicator indicator) {
        return indicator.type() == IndicatorType.SHA256;
    }

    static JsonNode readObject(String raw) {
        if (raw == null || raw.isBlank()) throw new MalformedReplyException("empty reply body");
        try {
            JsonNode root = JSON.readTree(raw);
            if (root == null || !root.isObject()) throw new MalformedReplyException("reply is not a JSON object");
            return root;
        } catch (JacksonException e) {
            throw new MalformedReplyException("reply is not JSON: " + e.getOriginalMessage());
        }
    }

    private static FileInsight fileInsight(Indicator indicator, JsonNode root, String raw) {
        JsonNode orgs = root.get("targetOrgs");
        List<FileInsight.Reference> refs = new ArrayList<>();
        for (JsonNode r : elements(root.get("associatedReferences"))) {
            if (r.isObject()) refs.add(new FileInsight.Reference(text(r.get("url")), text(r.get("description"))));
        }
        return new FileInsight(indicator, echo(root), Reputation.of(text(root.get("reputation"))),
                Prevalence.of(text(root.get("prevalence"))), date(root.get("firstSeen")), date(root.get("lastSeen")),
                strings(field(orgs, "topCountries")), strings(field(orgs, "topIndustries")),
                strings(root.get("actors")), refs, raw);
    }

    private static NetworkInsight networkInsight(Indicator indicator, JsonNode root, String raw) {
        JsonNode orgs = root.get("targetOrgs");
        JsonNode risk = root.get("threatRiskLevel");
        // Seen as {"level": 10}; a bare number is accepted too in case the shape is simplified.
        Integer level = risk != null && risk.isObject() ? integer(risk.get("level")) : integer(risk);
        return new NetworkInsight(indicator, echo(root), level, categories(field(root.get("categorization"), "categories")),
                Reputation.of(text(root.get("reputation"))), Prevalence.of(text(root.get("prevalence"))),
                date(root.get("firstSeen")), date(root.get("lastSeen")), strings(field(orgs, "topCountries")),
                strings(field(orgs, "topIndustries")), strings(root.get("actors")), raw);
    }

    private static Protection protection(Indicator indicator, JsonNode root, String raw) {
        String key = null;
        // CVE replies have been documented with "file" and observed live with "cve": accept any echo key.
        for (String candidate : List.of("cve", "network", "file")) {
            if (root.has(candidate)) {
                key = candidate;
                break;
            }
        }
        List<Protection.Detection> detections = new ArrayList<>();
        for (JsonNode d : elements(root.get("state"))) {
            if (!d.isObject()) continue;
            String tech = text(d.get("technology"));
            detections.add(new Protection.Detection(tech == null ? null : new Technology(tech),
                    text(d.get("firstDefsetVersion")), text(d.get("threatName"))));
        }
        return new Protection(indicator, key, key == null ? null : text(root.get(key)), detections, raw);
    }

    private static List<Related.Group> groups(JsonNode related) {
        List<Related.Group> out = new ArrayList<>();
        for (JsonNode g : elements(related)) {
            if (g.isObject()) {
                out.add(new Related.Group(text(g.get("iocType")), strings(g.get("iocValues")), text(g.get("relation"))));
            }
        }
        return out;
    }

    private static ProcessChain processChain(Indicator indicator, JsonNode root, String raw) {
        List<ProcessChain.Node> lineages = new ArrayList<>();
        for (JsonNode element : elements(root.get("chain"))) {
            // Each element is {"parent": Node}; tolerate a bare Node too.
            JsonNode start = element.isObject() && element.has("parent") && !element.has("file")
                    ? element.get("parent") : element;
            ProcessChain.Node node = node(start, 0);
            if (node != null) lineages.add(node);
        }
        return new ProcessChain(indicator, echo(root), lineages, raw);
    }

    private static ProcessChain.Node node(JsonNode n, int depth) {
        if (n == null || !n.isObject() || depth >= MAX_CHAIN_DEPTH) return null;
        return new ProcessChain.Node(text(n.get("file")), text(n.get("processName")), node(n.get("parent"), depth + 1));
    }

    private static NetworkHistory history(Indicator indicator, JsonNode root, String raw) {
        List<NetworkHistory.Entry> entries = new ArrayList<>();
        // Shape unverified: take the first array found under a likely name.
        JsonNode list = null;
        for (String name : List.of("history", "entries", "items", "categorizationHistory")) {
            if (root.has(name) && root.get(name).isArray()) {
                list = root.get(name);
                break;
            }
        }
        for (JsonNode e : elements(list)) {
            if (!e.isObject()) continue;
            JsonNode risk = e.get("threatRiskLevel");
            Integer level = risk != null && risk.isObject() ? integer(risk.get("level")) : integer(risk);
            LocalDate date = date(e.has("date") ? e.get("date") : e.has("timestamp") ? e.get("timestamp") : e.get("day"));
            JsonNode cats = e.has("categorization") ? field(e.get("categorization"), "categories") : e.get("categories");
            entries.add(new NetworkHistory.Entry(date, level, categories(cats), e.toString()));
        }
        return new NetworkHistory(indicator, echo(root), entries, raw);
    }

    private static List<Category> categories(JsonNode array) {
        List<Category> out = new ArrayList<>();
        for (JsonNode c : elements(array)) {
            if (c.isObject()) out.add(new Category(integer(c.get("id")), text(c.get("name"))));
            else if (c.isString()) out.add(new Category(null, c.stringValue()));
        }
        return out;
    }

    private static String echo(JsonNode root) {
        for (String key : List.of("file", "network", "cve")) {
            String v = text(root.get(key));
            if (v != null) return v;
        }
        return null;
    }

    private static JsonNode field(JsonNode node, String name) {
        return node != null && node.isObject() ? node.get(name) : null;
    }

    private static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) return List.of();
        List<JsonNode> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            if (e != null && !e.isNull()) out.add(e);
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements(array)) {
            String s = text(e);
            if (s != null) out.add(s);
        }
        return out;
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer()) return null;
        return n.isString() ? n.stringValue() : n.asString();
    }

    private static Integer integer(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.intValue();
        if (n.isString()) {
            try {
                return Integer.valueOf(n.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode n) {
        String s = text(n);
        if (s == null || s.length() < 10) return null;
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
