package riposte.core.playbook;

import java.util.Map;

/** {@code call}: one function call; its reply becomes the step's outputs. */
final class CallExecutor implements StepExecutor<Step.Call> {
    @Override
    public String type() {
        return "call";
    }

    @Override
    public Class<Step.Call> stepClass() {
        return Step.Call.class;
    }

    @Override
    public StepResult execute(Step.Call step, StepContext ctx) {
        Map<String, Object> reply = PlaybookPorts.require(ctx.ports().functions(), "function invoker")
                .invoke(step.function(), ctx.evalAll(step.with()),
                        new FunctionInvoker.Call(ctx.run().id(), step.id()));
        return new StepResult.Completed(reply);
    }
}
