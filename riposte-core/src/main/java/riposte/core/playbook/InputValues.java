package riposte.core.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and converts run inputs against a playbook's input specs; {@link #resolve} is what engines call at start. */
public final class InputValues {
    private InputValues() {}

    /** {@code raw} as the input type's value (String, Boolean, Long or Double), or null if it is not valid. */
    static Object coerce(InputType type, Object raw, List<String> options) {
        if (raw == null) return null;
        String text = raw.toString().trim();
        return switch (type) {
            case TEXT -> raw.toString();
            case SELECT -> options.contains(text) ? text : null;
            case BOOLEAN -> raw instanceof Boolean b ? b
                    : text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case NUMBER -> number(raw, text);
        };
    }

    private static Object number(Object raw, String text) {
        if (raw instanceof Integer || raw instanceof Long) return ((Number) raw).longValue();
        if (raw instanceof Number n) return n.doubleValue();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** One thing wrong with the inputs of a run: the input's name and what is accepted. */
    public record Problem(String input, String message) {}

    /** Every unknown, missing or invalid input, in the order of the given ones and then the specs; empty if none. */
    public static List<Problem> check(PlaybookDefinition definition, Map<String, ?> given) {
        List<Problem> problems = new java.util.ArrayList<>();
        resolve(definition, given, problems);
        return problems;
    }

    /**
     * The run's inputs: given values coerced, defaults filled in.
     *
     * @throws IllegalArgumentException naming every unknown, missing or invalid input
     */
    public static Map<String, Object> resolve(PlaybookDefinition definition, Map<String, ?> given) {
        List<Problem> problems = new java.util.ArrayList<>();
        Map<String, Object> out = resolve(definition, given, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("playbook " + definition.id() + ": " + String.join("; ",
                    problems.stream().map(Problem::message).toList()));
        }
        return out;
    }

    private static Map<String, Object> resolve(PlaybookDefinition definition, Map<String, ?> given,
            List<Problem> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (definition.input(name).isEmpty()) {
                errors.add(new Problem(name, "unknown input '" + name + "'; known: " + (definition.inputs().isEmpty()
                        ? "none" : String.join(", ", definition.inputs().stream().map(InputSpec::name).toList()))));
            }
        }
        for (InputSpec spec : definition.inputs()) {
            Object raw = given.get(spec.name());
            if (raw == null) {
                if (spec.defaultValue() != null) out.put(spec.name(), spec.defaultValue());
                else if (spec.required()) errors.add(new Problem(spec.name(), "input '" + spec.name() + "' is required"));
                continue;
            }
            Object value = coerce(spec.type(), raw, spec.options());
            if (value == null) {
                errors.add(new Problem(spec.name(), "input '" + spec.name() + "': '" + raw + "' is not a valid "
                        + spec.type().yamlName()
                        + (spec.type() == InputType.SELECT ? " (options: " + String.join(", ", spec.options()) + ")" : "")));
            } else {
                out.put(spec.name(), value);
            }
        }
        return out;
    }
}
