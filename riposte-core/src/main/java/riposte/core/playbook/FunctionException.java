package riposte.core.playbook;

/** A failed function call, transient (worth retrying: timeouts, 429, 5xx) or permanent (bad input, 4xx). */
public final class FunctionException extends RuntimeException {
    private final StepError.Kind kind;

    public FunctionException(StepError.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StepError.Kind kind() {
        return kind;
    }
}
