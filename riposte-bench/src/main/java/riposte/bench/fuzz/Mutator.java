package riposte.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structure-aware mutation of seed inputs, seeded so that a run can be repeated: JSON documents are mutated as trees
 * (a value replaced by one of another type, an edge-case number or string, deep nesting, a field removed or added,
 * an array grown) and then, sometimes, as text; any text by character edits, dictionary tokens and hostile Unicode.
 *
 * <p>Hand-written rather than a library: Jazzer is not in the registry this project builds from, and jqwik generates
 * values from scratch rather than mutating a corpus of real answers (the simulators' replies are the corpus here).
 */
final class Mutator {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters and fragments that parsers of outside data tend to mishandle. */
    static final List<String> HOSTILE = List.of("\u0000", "\uFFFF", "\uFEFF", "\uD800", "\uDC00", "\u202E", "\u0301",
            "\u3002", "\uFF0E", "\uFF61", "\u200B", "\u00A0", "😀", "é", "ß", "İ", "\r\n", "\n", "\t", " ", "\\", "\"",
            "'", "`", "<", ">", "&", "%", "%00", "%2e", "[.]", "(.)", "[dot]", "[:]", "hxxp://", "https://", "xn--",
            "xn--zz", "..", ".", "/", ":", "::", "@", "#", "?", "=", ",", ";", "*", "${", "{{", "}}", "<script>",
            "&amp;", "&#0;", "]]>", "<!--", "-1", "0", "1e309", "9999999999999999999999", "-0", "NaN", "true", "null",
            "{", "}", "[", "]");

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return random;
    }

    int below(int n) {
        return random.nextInt(n);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** One to four character-level edits of {@code seed}. */
    String text(String seed) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + below(4);
        for (int e = 0; e < edits; e++) {
            int at = s.isEmpty() ? 0 : below(s.length() + 1);
            switch (below(10)) {
                case 0 -> { if (!s.isEmpty() && at < s.length()) s.setCharAt(at, (char) (s.charAt(at) ^ (1 << below(7)))); }
                case 1 -> { if (!s.isEmpty()) s.delete(at, Math.min(s.length(), at + 1 + below(8))); }
                case 2, 3 -> s.insert(at, pick(HOSTILE));
                case 4 -> { if (!s.isEmpty()) s.setLength(below(s.length())); }
                case 5 -> {
                    if (!s.isEmpty()) {
                        int from = below(s.length());
                        String piece = s.substring(from, Math.min(s.length(), from + 1 + below(16)));
                        s.insert(at, piece.repeat(1 + below(chance(0.05) ? 5000 : 8)));
                    }
                }
                case 6 -> s.insert(at, (char) below(0x3000));
                case 8 -> s.insert(at, pick(List.of("[", "{\"a\":", "<a>", "(")).repeat(1 + below(3000)));
                case 7 -> { if (at < s.length()) s.setCharAt(at, Character.isUpperCase(s.charAt(at))
                        ? Character.toLowerCase(s.charAt(at)) : Character.toUpperCase(s.charAt(at))); }
                default -> s.insert(at, seed, 0, Math.min(seed.length(), below(seed.length() + 1)));
            }
        }
        return s.toString();
    }

    /** A mutated copy of a JSON document; text-level edits afterwards one time in five. */
    String json(String seed) {
        JsonNode root;
        try {
            root = JSON.readTree(seed);
        } catch (JacksonException e) {
            return text(seed);
        }
        int edits = 1 + below(3);
        for (int e = 0; e < edits; e++) root = mutate(root);
        String out;
        try {
            out = JSON.writeValueAsString(root);
        } catch (JacksonException tooDeep) {
            return text(seed); // deeper than Jackson writes (500): deep text comes from text()'s nesting edit
        }
        return chance(0.2) ? text(out) : out;
    }

    private JsonNode mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers, 0);
        if (containers.isEmpty() || chance(0.03)) return value(3);
        JsonNode target = pick(containers);
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            if (names.isEmpty() || chance(0.15)) {
                o.set(chance(0.5) ? pick(HOSTILE) : "x" + below(100), value(2));
            } else {
                String name = pick(names);
                switch (below(5)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set(name, NODES.nullNode());
                    case 2 -> o.set(name, o.get(name).isString() ? NODES.stringNode(text(o.get(name).asString())) : value(2));
                    default -> o.set(name, value(2));
                }
            }
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty() || chance(0.3)) {
                a.add(a.isEmpty() || chance(0.5) ? value(2) : a.get(below(a.size())).deepCopy());
            } else if (chance(0.1)) {
                JsonNode first = a.get(0);
                for (int i = 0, n = 1 + below(2000); i < n; i++) a.add(first.deepCopy());
            } else {
                int i = below(a.size());
                a.set(i, a.get(i).isString() ? NODES.stringNode(text(a.get(i).asString())) : value(2));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into, int depth) {
        if (depth > 40 || !node.isContainer()) return;
        into.add(node);
        for (JsonNode child : node) collect(child, into, depth + 1);
    }

    /** A random JSON value: edge-case scalars, hostile strings, nesting up to {@code depth} (rarely very deep). */
    JsonNode value(int depth) {
        int kind = below(depth <= 0 ? 7 : 10);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(chance(0.5));
            case 2 -> NODES.numberNode(pick(List.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1)));
            case 3 -> NODES.numberNode(pick(List.of(0.5, -1e308, 1e308, 4.9e-324, -0.0)));
            case 4 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + below(400))));
            case 5 -> NODES.stringNode(text(pick(HOSTILE)));
            case 6 -> NODES.stringNode(chance(0.05) ? "A".repeat(100_000 + below(100_000)) : pick(HOSTILE).repeat(1 + below(50)));
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0, n = below(4); i < n; i++) a.add(value(depth - 1));
                yield a;
            }
            case 8 -> {
                ObjectNode o = NODES.objectNode();
                for (int i = 0, n = below(4); i < n; i++) o.set(pick(HOSTILE) + i, value(depth - 1));
                yield o;
            }
            default -> deep(chance(0.1) ? 300 : 1 + below(60));
        };
    }

    private JsonNode deep(int levels) {
        JsonNode n = NODES.stringNode("x");
        for (int i = 0; i < levels; i++) {
            n = chance(0.5) ? NODES.arrayNode().add(n) : NODES.objectNode().set("a", n);
        }
        return n;
    }

    /** A JSON object of these properties, for seeds written in code. */
    static String object(Map<String, ?> properties) {
        return JSON.writeValueAsString(properties);
    }
}
