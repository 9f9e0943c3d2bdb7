package riposte.core.playbook;

/** The state of one {@link StepRun} (one attempt of one step). */
public enum StepState {
    RUNNING(false, false),
    /** A poll step between calls; {@link StepRun#nextPollAt()} says when to call again. */
    POLLING(false, false),
    WAITING_APPROVAL(false, false),
    COMPLETED(true, true),
    FAILED(true, false),
    TIMED_OUT(true, false),
    CANCELLED(true, false);

    private final boolean terminal;
    private final boolean successful;

    StepState(boolean terminal, boolean successful) {
        this.terminal = terminal;
        this.successful = successful;
    }

    public boolean terminal() {
        return terminal;
    }

    public boolean successful() {
        return successful;
    }
}
