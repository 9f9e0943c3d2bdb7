package riposte.server.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import riposte.server.playbook.AutoEnrichmentPlaybooks;
import riposte.server.playbook.AutoEnrichmentRules;

/**
 * The auto-enrichment rules in force, as {@code GET /api/v1/settings/auto-enrichment} shows them: every known source,
 * indicator type and auto-enrichment playbook with its switch, where the values come from, the version to send back
 * with a change, the configuration's values (what a reset returns to) and what each switch means.
 *
 * @param origin {@code configuration} (riposte.playbooks.auto-enrichment.*; never saved, or reset) or {@code saved}
 * @param version the version to send with a PUT or a reset; 0 if never saved
 * @param updatedBy who last saved or reset, null if nobody did
 * @param configuration the configuration's values, which apply when {@code origin} is {@code configuration}
 * @param known the sources, indicator types and playbooks the switches may name
 */
public record AutoEnrichmentView(boolean enabled, Map<String, Boolean> sources, Map<String, Boolean> types,
        Map<String, Boolean> playbooks, String origin, long version, String updatedBy, Instant updatedAt,
        AutoEnrichmentRules configuration, Known known) {

    public static final String CONFIGURATION = "configuration";
    public static final String SAVED = "saved";

    /** What the switches may name: sources (id, name), indicator types (id, label), auto-enrichment playbooks. */
    public record Known(List<Named> sources, List<Named> types, List<AutoEnrichmentPlaybooks.Entry> playbooks) {}

    /** An id and its human name. */
    public record Named(String id, String name) {}

    /** The rules shown, as a record. */
    public AutoEnrichmentRules rules() {
        return new AutoEnrichmentRules(enabled, sources, types, playbooks);
    }

    /** Whether {@code value} of a switch differs from what the configuration gives (for "changed" marks). */
    public boolean differs(String kind, String key) {
        return switch (kind) {
            case "enabled" -> enabled != configuration.enabled();
            case "sources" -> !sources.get(key).equals(AutoEnrichmentRules.on(configuration.sources(), key));
            case "types" -> !types.get(key).equals(AutoEnrichmentRules.on(configuration.types(), key));
            case "playbooks" -> !playbooks.get(key).equals(AutoEnrichmentRules.on(configuration.playbooks(), key));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** What the audit log records before and after a change: the switches, their origin and version. */
    record Audited(String origin, long version, AutoEnrichmentRules rules) {}

    Audited audited() {
        return new Audited(origin, version, rules());
    }
}
