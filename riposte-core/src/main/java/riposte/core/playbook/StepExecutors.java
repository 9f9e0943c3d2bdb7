package riposte.core.playbook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The step executors by step type name; the engine looks a step's executor up here. */
final class StepExecutors {
    private final Map<String, StepExecutor<?>> byType;

    StepExecutors(List<StepExecutor<?>> executors) {
        this.byType = executors.stream().collect(Collectors.toUnmodifiableMap(StepExecutor::type, Function.identity()));
    }

    static StepExecutors standard() {
        return new StepExecutors(List.of(new CallExecutor(), new PollExecutor(), new BranchExecutor(),
                new WriteAttributesExecutor(), new WriteRowExecutor(), new NoteExecutor(), new AttachmentExecutor(),
                new ReportExecutor(), new AddIndicatorsExecutor(), new ApprovalExecutor()));
    }

    StepResult execute(Step step, StepContext ctx) {
        StepExecutor<?> executor = byType.get(step.type());
        if (executor == null) throw new IllegalStateException("no executor for step type " + step.type());
        return run(executor, step, ctx);
    }

    private static <S extends Step> StepResult run(StepExecutor<S> executor, Step step, StepContext ctx) {
        return executor.execute(executor.stepClass().cast(step), ctx);
    }
}
