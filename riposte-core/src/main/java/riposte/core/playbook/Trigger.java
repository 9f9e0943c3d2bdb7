package riposte.core.playbook;

import java.util.Objects;

/** Who started a run and why: by hand, by a rule on a new object, or on a schedule. */
public record Trigger(Kind kind, String by, String reason) {
    public enum Kind { MANUAL, RULE, SCHEDULE }

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        if (reason == null) reason = "";
    }

    public static Trigger manual(String user) {
        return new Trigger(Kind.MANUAL, user, "started by hand");
    }
}
