package riposte.core.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code writeRow}: one row, or one per element of {@code forEach} (bound to {@code item}); outputs the row ids. */
final class WriteRowExecutor implements StepExecutor<Step.WriteRow> {
    @Override
    public String type() {
        return "writeRow";
    }

    @Override
    public Class<Step.WriteRow> stepClass() {
        return Step.WriteRow.class;
    }

    @Override
    public StepResult execute(Step.WriteRow step, StepContext ctx) {
        DataTableWriter writer = PlaybookPorts.require(ctx.ports().tables(), "data-table writer");
        List<Object> items = new ArrayList<>();
        if (step.forEach() == null) {
            items.add(null);
        } else if (ctx.eval(step.forEach()) instanceof List<?> list) {
            items.addAll(list);
        } else {
            return new StepResult.Failed(StepError.permanent("forEach '" + step.forEach() + "' is not a list"));
        }
        List<String> rowIds = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> values = new LinkedHashMap<>();
            step.values().forEach((column, expr) -> values.put(column, ctx.eval(expr, "item", item)));
            String key = step.key() == null ? null : CelValues.render(ctx.eval(step.key(), "item", item));
            rowIds.add(writer.upsert(ctx.run().object(), step.table(), key, values));
        }
        return new StepResult.Completed(Map.of("rows", rowIds, "count", (long) rowIds.size()));
    }
}
