package riposte.symantec.sepm;

/** A command's per-endpoint {@code stateId} (Broadcom KB229117). {@link #UNKNOWN} for codes not listed there. */
public enum CommandState {
    INITIAL(0, "Waiting/Not received"),
    RECEIVED(1, "Received"),
    IN_PROGRESS(2, "In progress"),
    COMPLETED(3, "Completed"),
    REJECTED(4, "Rejected"),
    CANCELLED(5, "Cancelled"),
    ERROR(6, "Error"),
    UNKNOWN(-1, "Unknown");

    private final int id;
    private final String label;

    CommandState(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The state for a {@code stateId}; {@link #UNKNOWN} if null or unlisted. */
    public static CommandState of(Integer stateId) {
        if (stateId != null) {
            for (CommandState s : values()) if (s.id == stateId && s != UNKNOWN) return s;
        }
        return UNKNOWN;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Completed, rejected, cancelled or error: the endpoint will not change state any more. */
    public boolean terminal() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED || this == ERROR;
    }
}
