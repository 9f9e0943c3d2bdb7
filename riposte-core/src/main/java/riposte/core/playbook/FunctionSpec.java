package riposte.core.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A source function playbooks may call: its name ({@code source.function}), the inputs it requires and accepts,
 * the output fields it promises, and whether it changes anything outside Riposte ({@code destructive}).
 */
public record FunctionSpec(String name, String description, Set<String> requiredInputs, Set<String> optionalInputs,
        List<String> outputs, boolean destructive) {
    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        if (description == null) description = "";
        requiredInputs = Set.copyOf(requiredInputs);
        optionalInputs = Set.copyOf(optionalInputs);
        outputs = List.copyOf(outputs);
    }

    /** True if {@code input} is a required or optional input. */
    public boolean accepts(String input) {
        return requiredInputs.contains(input) || optionalInputs.contains(input);
    }
}
