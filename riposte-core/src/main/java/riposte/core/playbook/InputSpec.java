package riposte.core.playbook;

import java.util.List;
import java.util.Objects;

/**
 * One run input: its name (the key under {@code inputs} in CEL), type, label, whether it is required, a default
 * (a String, Boolean, Long or Double, or null) and, for {@link InputType#SELECT}, the allowed options.
 */
public record InputSpec(String name, InputType type, String label, boolean required, Object defaultValue,
        List<String> options) {
    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
        if (label == null) label = name;
    }
}
