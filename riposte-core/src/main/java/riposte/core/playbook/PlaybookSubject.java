package riposte.core.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import riposte.core.indicator.Indicator;

/**
 * An object as playbooks see it: a reference and its data, the map CEL evaluates as {@code indicator},
 * {@code artifact}, {@code incident} or {@code row}. A run keeps a snapshot of the data it started with.
 */
public record PlaybookSubject(ObjectRef ref, Map<String, Object> data) {
    public PlaybookSubject {
        Objects.requireNonNull(ref, "ref");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * An indicator as {@code {type: 'sha256', value: '…', attributes: {name: value}, tags: […]}}; the type is
     * {@link riposte.core.indicator.IndicatorType#id()}.
     */
    public static PlaybookSubject indicator(Indicator indicator, Map<String, String> attributes, List<String> tags) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", indicator.type().id());
        data.put("value", indicator.value());
        data.put("attributes", Map.copyOf(attributes));
        data.put("tags", List.copyOf(tags));
        return new PlaybookSubject(new ObjectRef(ObjectKind.INDICATOR, null, indicator.value()), data);
    }

    public static PlaybookSubject indicator(Indicator indicator) {
        return indicator(indicator, Map.of(), List.of());
    }

    /** A data-table row: its columns by name. */
    public static PlaybookSubject row(String table, String rowId, Map<String, ?> columns) {
        return new PlaybookSubject(new ObjectRef(ObjectKind.ROW, table, rowId), new LinkedHashMap<>(columns));
    }
}
