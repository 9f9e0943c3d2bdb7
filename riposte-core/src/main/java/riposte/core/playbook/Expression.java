package riposte.core.playbook;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A compiled CEL expression: compile once with {@link Expressions}, evaluate many times. Thread-safe.
 *
 * <pre>{@code
 * Expression e = expressions.condition("indicator.type == 'sha256'");
 * boolean applies = e.test(Map.of("indicator", Map.of("type", "sha256")));
 * }</pre>
 */
public final class Expression {
    private final String source;
    private final CelRuntime.Program program;
    private final boolean condition;

    Expression(String source, CelRuntime.Program program, boolean condition) {
        this.source = source;
        this.program = program;
        this.condition = condition;
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates over {@code variables} (Java maps, lists, strings, numbers, booleans; converted for CEL) and
     * returns a plain Java value (Long, Double, String, Boolean, List, Map or null).
     *
     * @throws ExpressionException on a runtime error such as a type mismatch or a missing key
     */
    public Object evaluate(Map<String, ?> variables) {
        Object value = evaluateCel(variables);
        return CelValues.fromCel(value);
    }

    /**
     * Evaluates to bytes: a CEL {@code bytes} result as it is (e.g. {@code base64.decode(...)}), anything else as the
     * UTF-8 of its text.
     */
    public byte[] evaluateBytes(Map<String, ?> variables) {
        Object value = evaluateCel(variables);
        if (value instanceof com.google.protobuf.ByteString b) return b.toByteArray();
        if (value instanceof dev.cel.common.values.CelByteString b) return b.toByteArray();
        Object plain = CelValues.fromCel(value);
        return plain == null ? new byte[0] : CelValues.render(plain).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Object evaluateCel(Map<String, ?> variables) {
        try {
            return program.eval(CelValues.toCelVariables(variables));
        } catch (CelEvaluationException e) {
            throw new ExpressionException(source, "cannot evaluate '" + source + "': " + e.getMessage(), 0, 0, e);
        } catch (RuntimeException e) {
            throw new ExpressionException(source, "cannot evaluate '" + source + "': " + e, 0, 0, e);
        }
    }

    /**
     * Evaluates a condition.
     *
     * @throws ExpressionException if evaluation fails or the result is not a bool
     */
    public boolean test(Map<String, ?> variables) {
        Object value = evaluate(variables);
        if (value instanceof Boolean b) return b;
        throw new ExpressionException(source, "condition '" + source + "' gave " + CelValues.describe(value)
                + ", not a bool", 0, 0, null);
    }

    /** True if compiled as a condition (result type bool). */
    public boolean isCondition() {
        return condition;
    }

    @Override
    public String toString() {
        return source;
    }
}
