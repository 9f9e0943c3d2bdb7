package riposte.core.playbook;

/**
 * Executes one step type. Expression and port failures may be thrown; the engine turns an
 * {@link ExpressionException} into a permanent failure and a {@link FunctionException} into one of its kind.
 */
interface StepExecutor<S extends Step> {
    /** The step type this executes, as {@link Step#type()}. */
    String type();

    Class<S> stepClass();

    StepResult execute(S step, StepContext ctx);
}
