package riposte.cli.intel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.core.enrichment.Category;
import riposte.core.enrichment.FileInsight;
import riposte.core.enrichment.NetworkHistory;
import riposte.core.enrichment.NetworkInsight;
import riposte.core.enrichment.ProcessChain;
import riposte.core.enrichment.Protection;
import riposte.core.enrichment.Related;
import riposte.core.enrichment.RiskLevels;
import riposte.core.enrichment.SectionResult;

/**
 * The facts of one section result as ordered label/value pairs, shared by the table and CSV outputs so both say
 * the same thing. Values are plain text and still attacker-controlled: writers escape them for their medium.
 */
final class Facts {
    private Facts() {}

    static Map<String, String> of(SectionResult result) {
        Map<String, String> f = new LinkedHashMap<>();
        switch (result) {
            case FileInsight i -> {
                put(f, "reputation", i.reputation() == null ? null : i.reputation().raw());
                put(f, "prevalence", i.prevalence() == null ? null : i.prevalence().raw());
                put(f, "first seen", i.firstSeen());
                put(f, "last seen", i.lastSeen());
                put(f, "top countries", join(i.topCountries()));
                put(f, "top industries", join(i.topIndustries()));
                put(f, "actors", join(i.actors()));
                put(f, "references", join(i.associatedReferences().stream()
                        .map(r -> r.description() == null ? r.url() : r.description() + " <" + r.url() + ">").toList()));
            }
            case NetworkInsight n -> {
                put(f, "risk level", n.threatRiskLevel() == null ? null
                        : n.threatRiskLevel() + " (" + RiskLevels.label(n.threatRiskLevel()) + ")");
                put(f, "categories", categories(n.categories()));
                put(f, "reputation", n.reputation() == null ? null : n.reputation().raw());
                put(f, "prevalence", n.prevalence() == null ? null : n.prevalence().raw());
                put(f, "first seen", n.firstSeen());
                put(f, "last seen", n.lastSeen());
                put(f, "top countries", join(n.topCountries()));
                put(f, "top industries", join(n.topIndustries()));
                put(f, "actors", join(n.actors()));
            }
            case Protection p -> put(f, "detections", join(p.detections().stream()
                    .map(d -> (d.technology() == null ? "?" : d.technology().raw()) + ": " + d.threatName()
                            + (d.firstDefsetVersion() == null ? "" : " (since definitions " + d.firstDefsetVersion() + ")"))
                    .toList()));
            case Related r -> {
                for (Related.Group g : r.groups()) {
                    String key = "related " + g.iocType() + " " + g.relation();
                    put(f, key, g.iocValues().size() + ": " + join(g.iocValues().stream().limit(5).toList())
                            + (g.iocValues().size() > 5 ? ", ..." : ""));
                }
            }
            case ProcessChain c -> {
                List<List<ProcessChain.Node>> lineages = c.flattened();
                for (int i = 0; i < lineages.size(); i++) {
                    List<String> names = new ArrayList<>(lineages.get(i).stream()
                            .map(n -> n.processName() == null ? shortHash(n.file()) : n.processName()).toList());
                    java.util.Collections.reverse(names); // oldest ancestor first, as analysts read a tree
                    put(f, "lineage " + (i + 1), String.join(" > ", names) + " > (this file)");
                }
            }
            case NetworkHistory h -> {
                for (NetworkHistory.Entry e : h.entries()) {
                    put(f, String.valueOf(e.date()), (e.threatRiskLevel() == null ? "" : "risk " + e.threatRiskLevel() + " ")
                            + categories(e.categories()));
                }
            }
        }
        return f;
    }

    static String categories(List<Category> categories) {
        return join(categories.stream().map(Category::name).toList());
    }

    static String join(List<String> values) {
        List<String> present = new ArrayList<>();
        for (String v : values) if (v != null && !v.isBlank()) present.add(v);
        return present.isEmpty() ? null : String.join(", ", present);
    }

    private static String shortHash(String hash) {
        return hash == null ? "?" : hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }

    private static void put(Map<String, String> f, String label, Object value) {
        if (value != null && !value.toString().isBlank()) f.put(label, value.toString());
    }
}
