package riposte.core.playbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses and checks the {@code steps} list of a playbook file. */
final class StepParser {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "call", List.of("with", "retry"),
            "poll", List.of("with", "until", "interval", "backoff", "maxInterval", "timeout", "retry"),
            "branch", List.of("then", "else"),
            "writeAttributes", List.of("source"),
            "writeRow", List.of("forEach", "key", "values"),
            "note", List.of(),
            "attachment", List.of("contentType", "content"),
            "report", List.of("fields", "raw"),
            "addIndicators", List.of("as"),
            "approval", List.of("timeout"));

    private final ParseContext ctx;
    private final boolean destructivePlaybook;
    private boolean approvalSeen;

    StepParser(ParseContext ctx, boolean destructivePlaybook) {
        this.ctx = ctx;
        this.destructivePlaybook = destructivePlaybook;
    }

    List<Step> steps(YamlNode list, String where) {
        List<Step> steps = new ArrayList<>();
        if (!list.isSequence()) {
            ctx.error(list, "'" + where + "' must be a list of steps, not " + list.kind());
            return steps;
        }
        for (YamlNode item : list.items()) {
            Step s = step(item);
            if (s != null) steps.add(s);
        }
        return steps;
    }

    private Step step(YamlNode node) {
        if (!node.isMapping()) {
            ctx.error(node, "a step must be a mapping with 'id' and a step type, not " + node.kind());
            return null;
        }
        String type = null;
        YamlNode typeKey = null;
        for (YamlNode key : node.entries().keySet()) {
            if (Step.TYPES.contains(key.text())) {
                if (type != null) {
                    ctx.error(key, "a step has one type; this one has '" + type + "' and '" + key.text() + "'");
                    return null;
                }
                type = key.text();
                typeKey = key;
            }
        }
        if (type == null) {
            YamlNode unknown = node.entries().keySet().stream().filter(k -> !k.text().equals("id")).findFirst()
                    .orElse(node);
            ctx.error(unknown, (unknown == node ? "step without a type" : "unknown step type '" + unknown.text() + "'")
                    + "; known: " + String.join(", ", Step.TYPES));
            return null;
        }
        List<String> allowed = new ArrayList<>(FIELDS.get(type));
        allowed.add(0, type);
        allowed.add(0, "id");
        ctx.checkKeys(node, allowed, type + " step");
        String id = stepId(node, typeKey);
        if (id == null) return null;
        Step step = switch (type) {
            case "call" -> call(node, id);
            case "poll" -> poll(node, id);
            case "branch" -> branch(node, id);
            case "writeAttributes" -> new Step.WriteAttributes(id,
                    ctx.expressionMap(node, "writeAttributes", true, "writeAttributes step"),
                    ctx.string(node, "source", false, "writeAttributes step"));
            case "writeRow" -> writeRow(node, id);
            case "note" -> new Step.AddNote(id, orFalse(ctx.expression(node, "note", true, false, "note step")));
            case "attachment" -> new Step.AddAttachment(id, orFalse(ctx.expression(node, "attachment", true, false, "")),
                    ctx.string(node, "contentType", false, "attachment step"),
                    orFalse(ctx.expression(node, "content", true, false, "attachment step")));
            case "report" -> new Step.CreateReport(id, orFalse(ctx.expression(node, "report", true, false, "")),
                    ctx.expressionMap(node, "fields", false, "report step"),
                    ctx.expression(node, "raw", false, false, "report step"));
            case "addIndicators" -> addIndicators(node, id);
            default -> approval(node, id);
        };
        if (!(step instanceof Step.Branch)) ctx.stepIds.add(id);
        return step;
    }

    private static String orFalse(String expr) {
        return expr == null ? "null" : expr;
    }

    private String stepId(YamlNode node, YamlNode typeKey) {
        String id = ctx.string(node, "id", true, typeKey.text() + " step");
        if (id == null) return null;
        YamlNode idNode = node.get("id");
        if (!ID.matcher(id).matches()) {
            ctx.error(idNode, "step id '" + id + "' must be a CEL identifier (letters, digits, _)");
        } else if (ctx.stepIds.contains(id) || seen.contains(id)) {
            ctx.error(idNode, "duplicate step id '" + id + "'");
        }
        seen.add(id);
        return id;
    }

    private final java.util.Set<String> seen = new java.util.HashSet<>();

    private Optional<FunctionSpec> function(YamlNode node, String key, String id) {
        String name = ctx.string(node, key, true, key + " step");
        if (name == null) return Optional.empty();
        Optional<FunctionSpec> spec = ctx.catalog.find(name);
        if (spec.isEmpty()) {
            String prefix = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : "";
            List<String> similar = ctx.catalog.names().stream().filter(n -> n.startsWith(prefix)).toList();
            ctx.error(node.get(key), "unknown function '" + name + "'; known: " + String.join(", ",
                    similar.isEmpty() ? ctx.catalog.names() : similar));
            return spec;
        }
        if (spec.get().destructive()) {
            if (!destructivePlaybook) {
                ctx.error(node.get(key), "function '" + name + "' is destructive; mark the playbook 'destructive: true'");
            } else if (!approvalSeen) {
                ctx.error(node.get(key), "destructive function '" + name + "' must come after an approval step");
            }
        }
        YamlNode with = node.get("with");
        for (String required : spec.get().requiredInputs()) {
            if (with == null || with.get(required) == null) {
                ctx.error(with == null ? node.get(key) : with, "step '" + id + "': function '" + name
                        + "' needs input '" + required + "'");
            }
        }
        if (with != null) {
            for (YamlNode k : with.entries().keySet()) {
                if (!spec.get().accepts(k.text())) {
                    ctx.error(k, "function '" + name + "' has no input '" + k.text() + "'; inputs: "
                            + String.join(", ", new java.util.TreeSet<>(spec.get().requiredInputs()))
                            + (spec.get().optionalInputs().isEmpty() ? "" : ", "
                                    + String.join(", ", new java.util.TreeSet<>(spec.get().optionalInputs()))));
                }
            }
        }
        return spec;
    }

    private Step call(YamlNode node, String id) {
        function(node, "call", id);
        return new Step.Call(id, orEmpty(node.get("call")), ctx.expressionMap(node, "with", false, "call step"),
                retry(node));
    }

    private Step poll(YamlNode node, String id) {
        function(node, "poll", id);
        Map<String, String> with = ctx.expressionMap(node, "with", false, "poll step");
        String until = ctx.expression(node, "until", true, true, "poll step");
        double backoff = number(node, "backoff", 1.0);
        return new Step.Poll(id, orEmpty(node.get("poll")), with, until == null ? "true" : until,
                ctx.duration(node, "interval"), backoff, ctx.duration(node, "maxInterval"),
                ctx.duration(node, "timeout"), retry(node));
    }

    private static String orEmpty(YamlNode n) {
        return n == null || n.text() == null ? "" : n.text();
    }

    private Step branch(YamlNode node, String id) {
        String condition = ctx.expression(node, "branch", true, true, "branch step");
        ctx.stepIds.add(id);
        List<Step> then = node.get("then") == null ? List.of() : steps(node.get("then"), "then");
        List<Step> otherwise = node.get("else") == null ? List.of() : steps(node.get("else"), "else");
        if (then.isEmpty() && otherwise.isEmpty()) ctx.error(node, "branch '" + id + "' needs 'then' or 'else' steps");
        return new Step.Branch(id, condition == null ? "true" : condition, then, otherwise);
    }

    private Step writeRow(YamlNode node, String id) {
        String table = ctx.string(node, "writeRow", true, "writeRow step");
        String forEach = ctx.expression(node, "forEach", false, false, "writeRow step");
        String key = ctx.expression(node, "key", false, false, "writeRow step");
        return new Step.WriteRow(id, table == null ? "" : table, forEach, key,
                ctx.expressionMap(node, "values", true, "writeRow step"));
    }

    private Step addIndicators(YamlNode node, String id) {
        String values = ctx.expression(node, "addIndicators", true, false, "addIndicators step");
        String as = ctx.string(node, "as", false, "addIndicators step");
        Step.AddIndicators.Association association = Step.AddIndicators.Association.ASSOCIATED;
        if (as != null) {
            try {
                association = Step.AddIndicators.Association.valueOf(as.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                ctx.error(node.get("as"), "'as' must be associated or artifact, not '" + as + "'");
            }
        }
        return new Step.AddIndicators(id, values == null ? "[]" : values, association);
    }

    private Step approval(YamlNode node, String id) {
        approvalSeen = true;
        return new Step.Approval(id, ctx.expression(node, "approval", false, false, "approval step"),
                ctx.duration(node, "timeout"));
    }

    private RetryPolicy retry(YamlNode node) {
        YamlNode r = node.get("retry");
        if (r == null || r.isNull()) return null;
        if (!r.isMapping()) {
            ctx.error(r, "'retry' must be a mapping with attempts, delay and backoff");
            return null;
        }
        ctx.checkKeys(r, List.of("attempts", "delay", "backoff"), "retry");
        int attempts = (int) number(r, "attempts", RetryPolicy.DEFAULT.maxAttempts());
        Duration delay = ctx.duration(r, "delay");
        double backoff = number(r, "backoff", RetryPolicy.DEFAULT.backoff());
        try {
            return new RetryPolicy(attempts, delay == null ? RetryPolicy.DEFAULT.delay() : delay, backoff);
        } catch (IllegalArgumentException e) {
            ctx.error(r, "invalid retry: " + e.getMessage());
            return null;
        }
    }

    private double number(YamlNode map, String key, double fallback) {
        YamlNode v = map.get(key);
        if (v == null || v.isNull()) return fallback;
        try {
            return Double.parseDouble(v.isScalar() ? v.text() : "");
        } catch (NumberFormatException e) {
            ctx.error(v, "'" + key + "' must be a number");
            return fallback;
        }
    }
}
