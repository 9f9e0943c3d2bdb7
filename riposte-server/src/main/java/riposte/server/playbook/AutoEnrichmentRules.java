package riposte.server.playbook;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which auto-enrichment runs may start: the rule triggers of playbooks whose steps call a source's functions
 * ({@code ses.*} is the source {@code ses}, Symantec Threat Intelligence). A rule fires only if auto-enrichment is
 * {@code enabled}, every source the playbook calls is on, the new object's indicator type is on and the playbook
 * itself is on. A key that is absent is on: the maps only need to name what is switched off.
 *
 * <p>The defaults come from {@code riposte.playbooks.auto-enrichment.*} ({@link #of(PlaybookSettings.AutoEnrichment)});
 * an admin may replace them at run time (riposte.server.settings), which {@link AutoEnrichmentPolicy} hides.
 *
 * @param enabled auto-enrichment as a whole
 * @param sources per source id (e.g. {@code ses}): on or off
 * @param types per indicator type id (e.g. {@code sha256}, {@code url}): on or off
 * @param playbooks per auto-enrichment playbook id (e.g. {@code ses-file-insight}): on or off
 */
public record AutoEnrichmentRules(boolean enabled, Map<String, Boolean> sources, Map<String, Boolean> types,
        Map<String, Boolean> playbooks) {
    public AutoEnrichmentRules {
        sources = sorted(sources);
        types = sorted(types);
        playbooks = sorted(playbooks);
    }

    /** The rules the configuration gives (no per-playbook switches there: every playbook is on). */
    public static AutoEnrichmentRules of(PlaybookSettings.AutoEnrichment configured) {
        return new AutoEnrichmentRules(configured.enabled(), configured.sources(), configured.types(), Map.of());
    }

    /**
     * Whether playbook {@code playbookId}, calling {@code sources}, may start by its rule on a new object of indicator
     * type {@code type} (null: the object has no type, e.g. an artifact without one; then only the type switch is
     * skipped).
     */
    public boolean allows(String playbookId, Collection<String> sources, String type) {
        if (!enabled || !on(playbooks, playbookId) || (type != null && !on(types, type))) return false;
        for (String source : sources) {
            if (!on(this.sources, source)) return false;
        }
        return true;
    }

    /** Whether {@code key} is on in {@code switches} (absent is on). */
    public static boolean on(Map<String, Boolean> switches, String key) {
        return switches.getOrDefault(key, true);
    }

    private static Map<String, Boolean> sorted(Map<String, Boolean> switches) {
        return switches == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(switches));
    }
}
