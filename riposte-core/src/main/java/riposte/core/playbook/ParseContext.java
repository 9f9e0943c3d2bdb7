package riposte.core.playbook;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/** State shared while one playbook file is parsed: where problems are collected and how expressions are checked. */
final class ParseContext {
    private static final Pattern STEP_REF = Pattern.compile("\\bsteps\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern INPUT_REF = Pattern.compile("\\binputs\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    final String origin;
    final FunctionCatalog catalog;
    final Expressions expressions;
    private final String[] lines;
    private final List<PlaybookProblem> problems = new ArrayList<>();
    /** Step ids seen so far, in document order; expressions may refer to these only. */
    final Set<String> stepIds = new java.util.LinkedHashSet<>();
    final Set<String> inputNames = new java.util.LinkedHashSet<>();

    ParseContext(String origin, String text, FunctionCatalog catalog, Expressions expressions) {
        this.origin = origin;
        this.lines = text.split("\r?\n", -1);
        this.catalog = catalog;
        this.expressions = expressions;
    }

    List<PlaybookProblem> problems() {
        return problems;
    }

    void error(YamlNode at, String message) {
        problems.add(new PlaybookProblem(origin, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }

    void error(int line, int column, String message) {
        problems.add(new PlaybookProblem(origin, line, column, message));
    }

    /** Reports keys of {@code map} outside {@code allowed}. */
    void checkKeys(YamlNode map, Collection<String> allowed, String where) {
        for (YamlNode key : map.entries().keySet()) {
            if (!allowed.contains(key.text())) {
                error(key, "unknown field '" + key.text() + "' in " + where + "; known: " + String.join(", ", allowed));
            }
        }
    }

    /** A scalar field as text; null (with a problem if required) when absent or not a scalar. */
    String string(YamlNode map, String key, boolean required, String where) {
        YamlNode v = map.get(key);
        if (v == null || v.isNull()) {
            if (required) error(map, "missing required field '" + key + "' in " + where);
            return null;
        }
        if (!v.isScalar()) {
            error(v, "'" + key + "' must be a scalar, not " + v.kind());
            return null;
        }
        return v.text();
    }

    boolean bool(YamlNode map, String key, boolean fallback) {
        YamlNode v = map.get(key);
        if (v == null || v.isNull()) return fallback;
        if (v.isScalar() && (v.text().equals("true") || v.text().equals("false"))) return Boolean.parseBoolean(v.text());
        error(v, "'" + key + "' must be true or false");
        return fallback;
    }

    /** ISO-8601 ({@code PT30S}) or short ({@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, {@code 1h30m}). */
    Duration duration(YamlNode map, String key) {
        YamlNode v = map.get(key);
        if (v == null || v.isNull()) return null;
        String text = v.isScalar() ? v.text().trim() : "";
        try {
            if (text.startsWith("P") || text.startsWith("p")) return Duration.parse(text);
            Matcher m = DURATION.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                end = m.end();
            }
            if (end == text.length() && end > 0) return total;
        } catch (DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        error(v, "'" + key + "' is not a duration: '" + text + "' (use 30s, 5m, 1h30m or ISO-8601 like PT30S)");
        return null;
    }

    /** A mapping of name → expression; every expression is checked. */
    Map<String, String> expressionMap(YamlNode map, String key, boolean required, String where) {
        YamlNode v = map.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            if (required) error(map, "missing required field '" + key + "' in " + where);
            return out;
        }
        if (!v.isMapping()) {
            error(v, "'" + key + "' must be a mapping of name: expression");
            return out;
        }
        v.entries().forEach((k, value) -> {
            String expr = expression(value, false);
            if (expr != null) out.put(k.text(), expr);
        });
        return out;
    }

    /** The expression under {@code key}; checked; null if absent. */
    String expression(YamlNode map, String key, boolean required, boolean condition, String where) {
        YamlNode v = map.get(key);
        if (v == null || v.isNull()) {
            if (required) error(map, "missing required field '" + key + "' in " + where);
            return null;
        }
        return expression(v, condition);
    }

    /** Compiles the CEL in scalar {@code node}, reporting errors at their position inside the file. */
    String expression(YamlNode node, boolean condition) {
        if (!node.isScalar()) {
            error(node, "expected a CEL expression, not " + node.kind());
            return null;
        }
        String source = node.text();
        try {
            if (condition) expressions.condition(source);
            else expressions.value(source);
        } catch (ExpressionException e) {
            int[] pos = position(node, e.line(), e.column());
            error(pos[0], pos[1], "CEL error in '" + oneLine(source) + "': " + e.getMessage());
            return source;
        }
        checkReferences(node, source, STEP_REF, stepIds, "step");
        checkReferences(node, source, INPUT_REF, inputNames, "input");
        return source;
    }

    private void checkReferences(YamlNode node, String source, Pattern pattern, Set<String> known, String what) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                int[] pos = position(node, lineOf(source, m.start(1)), columnOf(source, m.start(1)));
                error(pos[0], pos[1], "unknown " + what + " '" + m.group(1) + "'"
                        + (what.equals("step") ? " (expressions may use earlier steps only)" : "")
                        + "; known: " + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static int columnOf(String s, int index) {
        return index - (s.lastIndexOf('\n', index - 1) + 1) + 1;
    }

    /** Maps a 1-based position inside a scalar's text to a 1-based position in the file. */
    int[] position(YamlNode node, int exprLine, int exprColumn) {
        if (exprLine <= 0) return new int[] {node.line(), node.column()};
        ScalarStyle style = node.style();
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        if (!block && exprLine == 1) {
            int quote = style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED ? 1 : 0;
            return new int[] {node.line(), node.column() + quote + Math.max(exprColumn, 1) - 1};
        }
        int fileLine = node.line() + (block ? exprLine : exprLine - 1);
        String text = fileLine - 1 < lines.length ? lines[fileLine - 1] : "";
        int indent = text.length() - text.stripLeading().length();
        return new int[] {fileLine, indent + Math.max(exprColumn, 1)};
    }

    private static String oneLine(String s) {
        String flat = s.strip().replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}
