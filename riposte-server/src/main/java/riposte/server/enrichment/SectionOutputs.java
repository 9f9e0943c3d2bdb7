package riposte.server.enrichment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import riposte.core.enrichment.Category;
import riposte.core.enrichment.FileInsight;
import riposte.core.enrichment.NetworkHistory;
import riposte.core.enrichment.NetworkInsight;
import riposte.core.enrichment.ProcessChain;
import riposte.core.enrichment.Protection;
import riposte.core.enrichment.Related;
import riposte.core.enrichment.SectionOutcome;

/**
 * A fetched section as playbook outputs (JSON-like values), computed from the typed records: the outputs
 * {@link riposte.core.playbook.FunctionCatalog} declares for the function, the reply as received ({@code raw}), and
 * provenance: {@code cached} (answered from the cache), {@code fetchedAt} (when the source was asked, ISO-8601),
 * {@code ageSeconds} and {@code found} (false when the source knows nothing, e.g. a 404).
 */
final class SectionOutputs {
    /** The protection state when no technology detects the indicator. */
    static final String NOT_DETECTED = "Not detected by any Symantec technology";

    private SectionOutputs() {}

    static Map<String, Object> of(SectionOutcome.Fetched fetched) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (fetched.result()) {
            case FileInsight f -> insight(out, f.reputation(), f.prevalence(), f.firstSeen(), f.lastSeen(),
                    f.topCountries(), f.topIndustries(), f.actors(), null, List.of());
            case NetworkInsight n -> insight(out, n.reputation(), n.prevalence(), n.firstSeen(), n.lastSeen(),
                    n.topCountries(), n.topIndustries(), n.actors(), n.threatRiskLevel(), n.categories());
            case Related r -> related(out, r);
            case Protection p -> protection(out, p);
            case ProcessChain c -> processChain(out, c);
            case NetworkHistory h -> history(out, h);
        }
        out.put("raw", fetched.result().raw());
        out.put("found", !fetched.result().isEmpty());
        out.put("cached", fetched.provenance().cacheHit());
        out.put("fetchedAt", fetched.provenance().fetchedAt().toString());
        out.put("ageSeconds", fetched.provenance().age().toSeconds());
        return out;
    }

    private static void insight(Map<String, Object> out, Object reputation, Object prevalence, Object firstSeen,
            Object lastSeen, List<String> countries, List<String> industries, List<String> actors, Integer risk,
            List<Category> categories) {
        out.put("reputation", text(reputation));
        out.put("prevalence", text(prevalence));
        out.put("firstSeen", text(firstSeen));
        out.put("lastSeen", text(lastSeen));
        out.put("targetCountries", split(countries));
        out.put("targetIndustries", split(industries));
        out.put("actors", List.copyOf(actors));
        out.put("riskLevel", risk == null ? null : risk.longValue());
        out.put("categories", categories.stream().map(SectionOutputs::category).filter(Objects::nonNull).toList());
    }

    /** Some replies pack several values in one element ({@code ["us,in"]}): split them, as the seed lists them. */
    private static List<String> split(Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) out.add(part.strip());
            }
        }
        return out;
    }

    private static String category(Category c) {
        if (c.name() != null) return c.name();
        return c.id() == null ? null : "category " + c.id();
    }

    private static void related(Map<String, Object> out, Related r) {
        List<String> files = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Related.Group g : r.groups()) {
            String type = g.iocType() == null ? "" : g.iocType().toLowerCase(Locale.ROOT);
            List<String> into = switch (type) {
                case "file", "sha256", "hash" -> files;
                case "domain", "host", "hostname" -> domains;
                case "ip", "ipv4", "address" -> ips;
                case "url" -> urls;
                default -> null;
            };
            if (into != null) g.iocValues().stream().filter(v -> !into.contains(v)).forEach(into::add);
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("type", g.iocType());
            group.put("relation", g.relation());
            group.put("values", g.iocValues());
            groups.add(group);
        }
        out.put("files", files);
        out.put("domains", domains);
        out.put("ips", ips);
        out.put("urls", urls);
        out.put("groups", groups);
    }

    private static void protection(Map<String, Object> out, Protection p) {
        List<Map<String, Object>> detections = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Protection.Detection d : p.detections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("technology", text(d.technology()));
            m.put("threatName", d.threatName());
            m.put("firstDefsetVersion", d.firstDefsetVersion());
            detections.add(m);
            lines.add(Objects.requireNonNullElse(text(d.technology()), "Unknown technology") + ": "
                    + Objects.requireNonNullElse(d.threatName(), "unnamed threat")
                    + (d.firstDefsetVersion() == null ? "" : " - firstDefsetVersion: " + d.firstDefsetVersion()));
        }
        out.put("protected", !detections.isEmpty());
        out.put("detections", detections);
        out.put("state", lines.isEmpty() ? NOT_DETECTED : String.join(", ", lines));
    }

    private static void processChain(Map<String, Object> out, ProcessChain c) {
        List<String> lineage = new ArrayList<>();
        List<List<Map<String, Object>>> lineages = new ArrayList<>();
        for (List<ProcessChain.Node> line : c.flattened()) {
            List<String> names = new ArrayList<>();
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (ProcessChain.Node n : line.reversed()) {
                names.add(n.processName() != null ? n.processName() : n.file() != null ? n.file() : "?");
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("processName", n.processName());
                node.put("file", n.file());
                nodes.add(node);
            }
            lineage.add(String.join(" > ", names));
            lineages.add(nodes);
        }
        out.put("lineage", lineage);
        out.put("lineages", lineages);
    }

    private static void history(Map<String, Object> out, NetworkHistory h) {
        List<String> entries = new ArrayList<>();
        for (NetworkHistory.Entry e : h.entries()) {
            StringBuilder s = new StringBuilder(e.date() == null ? "undated" : e.date().toString());
            if (e.threatRiskLevel() != null) s.append(" risk level ").append(e.threatRiskLevel());
            List<String> names = e.categories().stream().map(SectionOutputs::category).filter(Objects::nonNull).toList();
            if (!names.isEmpty()) s.append(" (").append(String.join("; ", names)).append(')');
            entries.add(s.toString());
        }
        out.put("entries", entries);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
