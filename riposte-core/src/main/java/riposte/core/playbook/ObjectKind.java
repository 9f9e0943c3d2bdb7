package riposte.core.playbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of object a playbook runs on; {@link #variable()} is the name CEL expressions use for it. */
public enum ObjectKind {
    INDICATOR("indicator"),
    ARTIFACT("artifact"),
    INCIDENT("incident"),
    ROW("row");

    private final String variable;

    ObjectKind(String variable) {
        this.variable = variable;
    }

    /** The CEL variable bound to the object, e.g. {@code indicator} or {@code row}. */
    public String variable() {
        return variable;
    }

    /** Looks a kind up by its variable name, ignoring case. */
    public static Optional<ObjectKind> fromName(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.variable.equals(wanted)).findFirst();
    }
}
