package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses one playbook YAML file into a definition, collecting every problem with its position. */
final class PlaybookParser {
    private static final List<String> TOP = List.of("id", "version", "name", "description", "on", "destructive",
            "timeout", "inputs", "steps", "outputs", "triggers");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The result: a definition when there were no problems, and where its id sits (for duplicate checks). */
    record Parsed(PlaybookDefinition definition, List<PlaybookProblem> problems, int idLine, int idColumn) {}

    private final FunctionCatalog catalog;
    private final Expressions expressions;

    PlaybookParser(FunctionCatalog catalog, Expressions expressions) {
        this.catalog = catalog;
        this.expressions = expressions;
    }

    Parsed parse(String origin, String text) {
        ParseContext ctx = new ParseContext(origin, text, catalog, expressions);
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(origin).setAllowDuplicateKeys(false).build();
            // snakeyaml-engine composes nodes recursively and has no depth limit: "[[[[…" thousands deep overflowed
            // the stack (found by riposte-bench's FuzzBenchmark). Its event parser is not recursive, so the depth is
            // measured on the events first.
            int depth = 0;
            for (org.snakeyaml.engine.v2.events.Event e : new org.snakeyaml.engine.v2.api.lowlevel.Parse(settings)
                    .parseString(text)) {
                if (e instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent && ++depth > MAX_DEPTH) {
                    ctx.error(e.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                            e.getStartMark().map(m -> m.getColumn() + 1).orElse(0),
                            "YAML: nested deeper than " + MAX_DEPTH + " levels");
                    return new Parsed(null, ctx.problems(), 0, 0);
                }
                if (e instanceof org.snakeyaml.engine.v2.events.CollectionEndEvent) depth--;
            }
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            ctx.error(mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0),
                    "YAML: " + e.getProblem());
            return new Parsed(null, ctx.problems(), 0, 0);
        } catch (YamlEngineException e) {
            ctx.error(0, 0, "YAML: " + e.getMessage());
            return new Parsed(null, ctx.problems(), 0, 0);
        }
        if (root.isEmpty() || !new YamlNode(root.get()).isMapping()) {
            ctx.error(root.map(n -> new YamlNode(n).line()).orElse(1), 1, "a playbook must be a YAML mapping");
            return new Parsed(null, ctx.problems(), 0, 0);
        }
        Optional<String> shape = badShape(root.get());
        if (shape.isPresent()) {
            ctx.error(new YamlNode(root.get()).line(), 1, "YAML: " + shape.get());
            return new Parsed(null, ctx.problems(), 0, 0);
        }
        YamlNode doc = new YamlNode(root.get());
        ctx.checkKeys(doc, TOP, "playbook");
        String id = ctx.string(doc, "id", true, "playbook");
        if (id != null && !ID.matcher(id).matches()) {
            ctx.error(doc.get("id"), "playbook id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        int version = version(ctx, doc);
        String name = ctx.string(doc, "name", true, "playbook");
        String description = ctx.string(doc, "description", false, "playbook");
        boolean destructive = ctx.bool(doc, "destructive", false);
        Target target = target(ctx, doc);
        List<InputSpec> inputs = new InputParser(ctx).inputs(doc.get("inputs"));
        List<Step> steps = List.of();
        YamlNode stepsNode = doc.get("steps");
        if (stepsNode == null || stepsNode.isNull() || stepsNode.items().isEmpty() && stepsNode.isSequence()) {
            ctx.error(stepsNode == null ? doc : stepsNode, "a playbook needs at least one step under 'steps'");
        } else {
            steps = new StepParser(ctx, destructive).steps(stepsNode, "steps");
        }
        var outputs = ctx.expressionMap(doc, "outputs", false, "playbook");
        List<TriggerSpec> triggers = triggers(ctx, doc, target);
        if (!ctx.problems().isEmpty() || target == null) return new Parsed(null, ctx.problems(), 0, 0);
        YamlNode idNode = doc.get("id");
        return new Parsed(new PlaybookDefinition(id, version, name, description, target, inputs, steps, outputs,
                destructive, ctx.duration(doc, "timeout"), origin, triggers), List.of(), idNode.line(),
                idNode.column());
    }

    /** Deepest nesting a playbook may have: real ones are under 10 levels; this keeps every walk off the stack's end. */
    static final int MAX_DEPTH = 64;

    /**
     * Why the node graph cannot be walked, if it cannot: an alias inside the node it names (a cycle: {@code &a [*a]})
     * or nesting deeper than {@link #MAX_DEPTH}. Walked without recursion, so a hostile document cannot overflow the
     * stack here either (found by riposte-bench's FuzzBenchmark). snakeyaml-engine already caps the aliases of
     * collections (billion laughs) at 50.
     */
    static Optional<String> badShape(Node root) {
        record Frame(Node node, int depth, java.util.Iterator<Node> children) {}
        java.util.Set<Node> onPath = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        stack.push(new Frame(root, 1, children(root)));
        onPath.add(root);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (!top.children().hasNext()) {
                onPath.remove(stack.pop().node());
                continue;
            }
            Node child = top.children().next();
            if (onPath.contains(child)) {
                return Optional.of("an alias at line " + child.getStartMark().map(m -> m.getLine() + 1).orElse(0)
                        + " is used inside the node it names (a recursive structure): not allowed in a playbook");
            }
            if (top.depth() + 1 > MAX_DEPTH) return Optional.of("nested deeper than " + MAX_DEPTH + " levels");
            onPath.add(child);
            stack.push(new Frame(child, top.depth() + 1, children(child)));
        }
        return Optional.empty();
    }

    private static java.util.Iterator<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        if (node instanceof org.snakeyaml.engine.v2.nodes.MappingNode m) {
            m.getValue().forEach(t -> {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            });
        } else if (node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode q) {
            out.addAll(q.getValue());
        }
        return out.iterator();
    }

    private static int version(ParseContext ctx, YamlNode doc) {
        String v = ctx.string(doc, "version", true, "playbook");
        if (v == null) return 0;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.error(doc.get("version"), "'version' must be a whole number of at least 1, not '" + v + "'");
        return 0;
    }

    private static Target target(ParseContext ctx, YamlNode doc) {
        YamlNode on = doc.get("on");
        if (on == null || !on.isMapping()) {
            ctx.error(on == null ? doc : on, "missing required mapping 'on' with 'object' (indicator, artifact, "
                    + "incident or row) and optional 'table' and 'condition'");
            return null;
        }
        ctx.checkKeys(on, List.of("object", "table", "condition"), "'on'");
        String object = ctx.string(on, "object", true, "'on'");
        if (object == null) return null;
        Optional<ObjectKind> kind = ObjectKind.fromName(object);
        if (kind.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (ObjectKind k : ObjectKind.values()) known.add(k.variable());
            ctx.error(on.get("object"), "unknown object type '" + object + "'; known: " + String.join(", ", known));
            return null;
        }
        String table = ctx.string(on, "table", kind.get() == ObjectKind.ROW, "'on' for rows");
        if (table != null && kind.get() != ObjectKind.ROW) ctx.error(on.get("table"), "'table' applies to rows only");
        String condition = ctx.expression(on, "condition", false, true, "'on'");
        return new Target(kind.get(), table, condition);
    }

    /** {@code triggers:} a list of {@code rule: <CEL condition>} and {@code schedule: <cron>} entries. */
    private static List<TriggerSpec> triggers(ParseContext ctx, YamlNode doc, Target target) {
        YamlNode node = doc.get("triggers");
        List<TriggerSpec> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isSequence()) {
            ctx.error(node, "'triggers' must be a list of 'rule: <condition>' or 'schedule: <cron>' entries");
            return out;
        }
        for (YamlNode item : node.items()) {
            if (!item.isMapping() || item.entries().size() != 1) {
                ctx.error(item, "a trigger is one of 'rule: <CEL condition>' or 'schedule: <cron>'");
                continue;
            }
            ctx.checkKeys(item, List.of("rule", "schedule"), "a trigger");
            if (item.get("rule") != null) {
                if (target != null && target.kind() != ObjectKind.INDICATOR && target.kind() != ObjectKind.ARTIFACT) {
                    ctx.error(item.key("rule"), "'rule' triggers fire on new indicators and artifacts; this playbook "
                            + "runs on " + target.kind().variable());
                }
                String condition = ctx.expression(item, "rule", true, true, "a rule trigger");
                if (condition != null) out.add(new TriggerSpec.Rule(condition));
            } else if (item.get("schedule") != null) {
                String cron = ctx.string(item, "schedule", true, "a schedule trigger");
                if (cron == null) continue;
                String problem = TriggerSpec.Schedule.shapeProblem(cron);
                if (problem != null) ctx.error(item.get("schedule"), problem);
                else out.add(new TriggerSpec.Schedule(cron.strip()));
            }
        }
        return out;
    }
}
