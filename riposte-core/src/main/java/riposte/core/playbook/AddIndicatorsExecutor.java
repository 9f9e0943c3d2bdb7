package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code addIndicators}: adds each non-blank value of the list; outputs how many were new. */
final class AddIndicatorsExecutor implements StepExecutor<Step.AddIndicators> {
    @Override
    public String type() {
        return "addIndicators";
    }

    @Override
    public Class<Step.AddIndicators> stepClass() {
        return Step.AddIndicators.class;
    }

    @Override
    public StepResult execute(Step.AddIndicators step, StepContext ctx) {
        Object evaluated = ctx.eval(step.values());
        if (!(evaluated instanceof List<?> list)) {
            return new StepResult.Failed(StepError.permanent("'" + step.values() + "' is not a list"));
        }
        List<String> values = new ArrayList<>();
        for (Object o : list) {
            if (o != null && !o.toString().isBlank()) values.add(o.toString());
        }
        int added = values.isEmpty() ? 0 : PlaybookPorts.require(ctx.ports().indicators(), "indicator writer")
                .add(ctx.run().object(), values, step.as());
        return new StepResult.Completed(Map.of("added", (long) added, "values", values));
    }
}
