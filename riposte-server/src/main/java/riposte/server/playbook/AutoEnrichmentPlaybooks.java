package riposte.server.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import riposte.core.indicator.IndicatorType;
import riposte.core.playbook.ExpressionException;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.TriggerSpec;

/**
 * The auto-enrichment playbooks of this server: those with a rule trigger whose steps call a source's functions. For
 * each, the sources it calls and the indicator types it applies to (its activation condition evaluated on an
 * indicator of each type with no attributes and no tags). The playbook library does not change while the server
 * runs, so this is computed once.
 */
@Component
public class AutoEnrichmentPlaybooks {

    /** One auto-enrichment playbook: its id, name, the sources it calls and the indicator types it runs on. */
    public record Entry(String id, String name, List<String> sources, List<String> types) {}

    private final List<Entry> entries;

    AutoEnrichmentPlaybooks(PlaybookLibrary library) {
        List<Entry> found = new ArrayList<>();
        for (PlaybookDefinition d : library.all()) {
            Set<String> sources = RuleTriggers.sources(d);
            boolean ruled = d.triggers().stream().anyMatch(t -> t instanceof TriggerSpec.Rule);
            if (!ruled || sources.isEmpty()) continue;
            List<String> types = Arrays.stream(IndicatorType.values()).map(IndicatorType::id)
                    .filter(type -> appliesTo(library, d, type)).toList();
            found.add(new Entry(d.id(), d.name(), List.copyOf(sources), types));
        }
        this.entries = List.copyOf(found);
    }

    /** In the library's order (built-ins first). */
    public List<Entry> list() {
        return entries;
    }

    /** Every source some auto-enrichment playbook calls, sorted. */
    public Set<String> sources() {
        Set<String> all = new TreeSet<>();
        entries.forEach(e -> all.addAll(e.sources()));
        return all;
    }

    private static boolean appliesTo(PlaybookLibrary library, PlaybookDefinition d, String type) {
        var subject = new PlaybookSubject(new ObjectRef(ObjectKind.INDICATOR, null, "0"),
                Map.of("type", type, "value", "", "attributes", Map.of(), "tags", List.of()));
        try {
            return library.catalog().isApplicable(d, subject);
        } catch (ExpressionException e) {
            return false; // a condition that needs more than the type: not listed under any type
        }
    }
}
