package riposte.core.playbook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of run input a playbook can ask for, as in an input dialog. */
public enum InputType {
    SELECT,
    TEXT,
    NUMBER,
    BOOLEAN;

    /** The YAML name, e.g. {@code select}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputType> fromName(String name) {
        if (name == null) return Optional.empty();
        return Arrays.stream(values()).filter(t -> t.yamlName().equalsIgnoreCase(name)).findFirst();
    }
}
