package riposte.core.playbook;

import java.util.Objects;

/** Why a step attempt failed; only {@link Kind#TRANSIENT} errors are retried. Messages carry no secrets. */
public record StepError(Kind kind, String message) {
    /** Whether trying again may help. */
    public enum Kind {
        TRANSIENT(true),
        PERMANENT(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    public StepError {
        Objects.requireNonNull(kind, "kind");
        if (message == null) message = "";
    }

    public static StepError permanent(String message) {
        return new StepError(Kind.PERMANENT, message);
    }

    public static StepError transientError(String message) {
        return new StepError(Kind.TRANSIENT, message);
    }
}
