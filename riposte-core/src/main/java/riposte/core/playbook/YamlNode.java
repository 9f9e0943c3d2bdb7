package riposte.core.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A YAML node with its 1-based position, as composed by snakeyaml-engine. */
record YamlNode(Node node) {

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    int column() {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The scalar's text; for other nodes null. */
    String text() {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** True for a YAML null ({@code ~}, {@code null} or nothing). */
    boolean isNull() {
        return node instanceof ScalarNode s && s.isPlain()
                && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
    }

    ScalarStyle style() {
        return node instanceof ScalarNode s ? s.getScalarStyle() : null;
    }

    /** A mapping's entries in document order, key node → value node; keys that are not scalars are skipped. */
    Map<YamlNode, YamlNode> entries() {
        Map<YamlNode, YamlNode> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) out.put(new YamlNode(t.getKeyNode()), new YamlNode(t.getValueNode()));
            }
        }
        return out;
    }

    /** The value of key {@code key} in a mapping, or null. */
    YamlNode get(String key) {
        for (Map.Entry<YamlNode, YamlNode> e : entries().entrySet()) {
            if (key.equals(e.getKey().text())) return e.getValue();
        }
        return null;
    }

    /** The key node of {@code key} in a mapping, or null. */
    YamlNode key(String key) {
        for (YamlNode k : entries().keySet()) {
            if (key.equals(k.text())) return k;
        }
        return null;
    }

    List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) out.add(new YamlNode(n));
        }
        return out;
    }

    /** A short name of the node kind for messages. */
    String kind() {
        return isMapping() ? "a mapping" : isSequence() ? "a list" : "a scalar";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlNode other && other.node == node;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(node);
    }
}
