package riposte.core.playbook;

import java.util.Map;

/** {@code branch}: records which way the condition went as {@code taken}. */
final class BranchExecutor implements StepExecutor<Step.Branch> {
    @Override
    public String type() {
        return "branch";
    }

    @Override
    public Class<Step.Branch> stepClass() {
        return Step.Branch.class;
    }

    @Override
    public StepResult execute(Step.Branch step, StepContext ctx) {
        boolean taken = ctx.expressions().condition(step.condition()).test(ctx.vars());
        return new StepResult.Completed(Map.of("taken", taken));
    }
}
