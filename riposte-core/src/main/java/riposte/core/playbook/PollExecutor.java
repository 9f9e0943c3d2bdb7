package riposte.core.playbook;

import java.util.Map;

/** {@code poll}: calls the function; completes when {@code until} holds over {@code result}, else polls again later. */
final class PollExecutor implements StepExecutor<Step.Poll> {
    @Override
    public String type() {
        return "poll";
    }

    @Override
    public Class<Step.Poll> stepClass() {
        return Step.Poll.class;
    }

    @Override
    public StepResult execute(Step.Poll step, StepContext ctx) {
        Map<String, Object> reply = PlaybookPorts.require(ctx.ports().functions(), "function invoker")
                .invoke(step.function(), ctx.evalAll(step.with()),
                        new FunctionInvoker.Call(ctx.run().id(), step.id()));
        if (ctx.test(step.until(), "result", reply)) return new StepResult.Completed(reply);
        int polls = (ctx.previous() == null ? 0 : ctx.previous().polls()) + 1;
        return new StepResult.Polling(reply, ctx.now().plus(step.delayAfter(polls)));
    }
}
