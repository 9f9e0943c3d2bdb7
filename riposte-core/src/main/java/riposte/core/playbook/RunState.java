package riposte.core.playbook;

/** The state of a {@link PlaybookRun}. */
public enum RunState {
    QUEUED(false, false),
    RUNNING(false, false),
    /** Waiting for a poll, a retry or an approval; see {@link PlaybookRun#waitingFor()}. */
    WAITING(false, false),
    COMPLETED(true, true),
    FAILED(true, false),
    TIMED_OUT(true, false),
    CANCELLED(true, false);

    private final boolean terminal;
    private final boolean successful;

    RunState(boolean terminal, boolean successful) {
        this.terminal = terminal;
        this.successful = successful;
    }

    /** True if the run will not change any more. */
    public boolean terminal() {
        return terminal;
    }

    public boolean successful() {
        return successful;
    }
}
