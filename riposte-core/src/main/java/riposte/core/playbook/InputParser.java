package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses and checks the {@code inputs} list of a playbook file. */
final class InputParser {
    private final ParseContext ctx;

    InputParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    List<InputSpec> inputs(YamlNode list) {
        List<InputSpec> inputs = new ArrayList<>();
        if (list == null || list.isNull()) return inputs;
        if (!list.isSequence()) {
            ctx.error(list, "'inputs' must be a list, not " + list.kind());
            return inputs;
        }
        for (YamlNode node : list.items()) {
            InputSpec spec = input(node);
            if (spec != null) inputs.add(spec);
        }
        return inputs;
    }

    private InputSpec input(YamlNode node) {
        if (!node.isMapping()) {
            ctx.error(node, "an input must be a mapping with name and type");
            return null;
        }
        ctx.checkKeys(node, List.of("name", "type", "label", "required", "default", "options"), "input");
        String name = ctx.string(node, "name", true, "input");
        String typeName = ctx.string(node, "type", true, "input");
        if (name == null || typeName == null) return null;
        if (!ctx.inputNames.add(name)) ctx.error(node.get("name"), "duplicate input '" + name + "'");
        Optional<InputType> type = InputType.fromName(typeName);
        if (type.isEmpty()) {
            ctx.error(node.get("type"), "unknown input type '" + typeName + "'; known: select, text, number, boolean");
            return null;
        }
        List<String> options = new ArrayList<>();
        YamlNode optionsNode = node.get("options");
        if (optionsNode != null && !optionsNode.isNull()) {
            if (type.get() != InputType.SELECT) ctx.error(optionsNode, "'options' apply to select inputs only");
            for (YamlNode o : optionsNode.items()) {
                if (o.isScalar()) options.add(o.text());
                else ctx.error(o, "an option must be a scalar");
            }
        }
        if (type.get() == InputType.SELECT && options.isEmpty()) {
            ctx.error(node, "select input '" + name + "' needs a non-empty 'options' list");
        }
        Object fallback = defaultValue(node, name, type.get(), options);
        return new InputSpec(name, type.get(), ctx.string(node, "label", false, "input"),
                ctx.bool(node, "required", false), fallback, options);
    }

    private Object defaultValue(YamlNode node, String name, InputType type, List<String> options) {
        YamlNode d = node.get("default");
        if (d == null || d.isNull()) return null;
        if (!d.isScalar()) {
            ctx.error(d, "'default' must be a scalar");
            return null;
        }
        Object value = InputValues.coerce(type, d.text(), options);
        if (value == null) {
            ctx.error(d, "default '" + d.text() + "' of input '" + name + "' is not a valid " + type.yamlName()
                    + (type == InputType.SELECT ? "; options: " + String.join(", ", options) : ""));
        }
        return value;
    }
}
