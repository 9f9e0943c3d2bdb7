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

    /**
     * The run's inputs: given values coerced, defaults filled in.
     *
     * @throws IllegalArgumentException naming every unknown, missing or invalid input
     */
    public static Map<String, Object> resolve(PlaybookDefinition definition, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> errors = new java.util.ArrayList<>();
        for (String name : given.keySet()) {
            if (definition.input(name).isEmpty()) errors.add("unknown input '" + name + "'");
        }
        for (InputSpec spec : definition.inputs()) {
            Object raw = given.get(spec.name());
            if (raw == null) {
                if (spec.defaultValue() != null) out.put(spec.name(), spec.defaultValue());
                else if (spec.required()) errors.add("input '" + spec.name() + "' is required");
                continue;
            }
            Object value = coerce(spec.type(), raw, spec.options());
            if (value == null) {
                errors.add("input '" + spec.name() + "': '" + raw + "' is not a valid " + spec.type().yamlName()
                        + (spec.type() == InputType.SELECT ? " (options: " + String.join(", ", spec.options()) + ")" : ""));
            } else {
                out.put(spec.name(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("playbook " + definition.id() + ": " + String.join("; ", errors));
        }
        return out;
    }
}
