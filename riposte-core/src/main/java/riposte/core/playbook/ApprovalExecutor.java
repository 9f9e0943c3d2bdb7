package riposte.core.playbook;

/**
 * {@code approval}: puts the step in WAITING_APPROVAL with its message evaluated (output {@code message}: the blast
 * radius the approver reads before deciding); {@link PlaybookEngine#decide} completes or fails it.
 */
final class ApprovalExecutor implements StepExecutor<Step.Approval> {
    @Override
    public String type() {
        return "approval";
    }

    @Override
    public Class<Step.Approval> stepClass() {
        return Step.Approval.class;
    }

    @Override
    public StepResult execute(Step.Approval step, StepContext ctx) {
        return new StepResult.AwaitingApproval(String.valueOf(CelValues.render(ctx.eval(step.message()))));
    }
}
