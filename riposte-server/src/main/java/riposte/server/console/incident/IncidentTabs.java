package riposte.server.console.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.server.datatable.DefinitionView;

/**
 * The tabs of an incident page: the fixed ones, then one per group of data tables. A table's group comes from its
 * definition ({@code group}, set through the data-table API), so "Symantec SEP - Threats" is configuration, not code;
 * a table without a group gets a tab of its own. Group tabs are ordered by name, their tables by creation.
 */
record IncidentTabs(List<Tab> tabs) {
    static final String SUMMARY = "summary";
    static final List<Tab> FIXED = List.of(new Tab(SUMMARY, "Summary", List.of()),
            new Tab("artifacts", "Artifacts", List.of()), new Tab("notes", "Notes", List.of()),
            new Tab("attachments", "Attachments", List.of()), new Tab("runs", "Playbook runs", List.of()));

    /** A tab: {@code key} for URLs, {@code label} to show, and for a data-table tab its tables. */
    record Tab(String key, String label, List<DefinitionView> tables) {
        public boolean dataTables() {
            return !tables.isEmpty();
        }

        /** An id safe for HTML ids and {@code aria-controls}. */
        public String domId() {
            return "tab-" + Integer.toHexString(key.hashCode());
        }
    }

    static IncidentTabs of(List<DefinitionView> definitions) {
        Map<String, List<DefinitionView>> groups = new LinkedHashMap<>();
        definitions.stream().sorted(Comparator.comparingLong(DefinitionView::id)).forEach(d -> {
            String key = d.group() != null ? "group:" + d.group() : "table:" + d.name();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        });
        var tabs = new ArrayList<>(FIXED);
        groups.entrySet().stream()
                .map(e -> new Tab(e.getKey(), label(e.getValue().getFirst(), e.getKey()), List.copyOf(e.getValue())))
                .sorted(Comparator.comparing(Tab::label, String.CASE_INSENSITIVE_ORDER))
                .forEach(tabs::add);
        return new IncidentTabs(List.copyOf(tabs));
    }

    private static String label(DefinitionView first, String key) {
        return key.startsWith("group:") ? first.group() : first.displayName();
    }

    /** The tab with this key, or the summary tab when there is none (an old link, a regrouped table). */
    Tab find(String key) {
        return tabs.stream().filter(t -> t.key().equals(key)).findFirst().orElse(tabs.getFirst());
    }
}
