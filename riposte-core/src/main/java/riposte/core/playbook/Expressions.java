package riposte.core.playbook;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles CEL for playbooks and caches the compiled programs by source. Every expression may use the variables
 * {@code indicator}, {@code artifact}, {@code incident}, {@code row}, {@code inputs}, {@code steps}, {@code run}
 * (maps from string to any value) and {@code result}, {@code item} (any value). Conditions must be of type bool.
 * Thread-safe; one instance per application (or per test) is enough.
 *
 * <pre>{@code
 * Expressions cel = new Expressions();
 * cel.condition("row.quarantine_status == 'Not quarantined'").test(Map.of("row", row));
 * }</pre>
 */
public final class Expressions {
    /** The variables every expression may use, in documentation order. */
    public static final List<String> VARIABLES =
            List.of("indicator", "artifact", "incident", "row", "inputs", "steps", "run", "result", "item");

    private final Cel values;
    private final Cel conditions;
    private final Map<String, Expression> valueCache = new ConcurrentHashMap<>();
    private final Map<String, Expression> conditionCache = new ConcurrentHashMap<>();

    public Expressions() {
        this.values = builder().build();
        this.conditions = builder().setResultType(SimpleType.BOOL).build();
    }

    private static CelBuilder builder() {
        // The encoders extension gives base64.decode(string) -> bytes, e.g. for a file SEPM returned as Base64.
        CelBuilder b = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
                .addCompilerLibraries(dev.cel.extensions.CelExtensions.encoders())
                .addRuntimeLibraries(dev.cel.extensions.CelExtensions.encoders());
        MapType object = MapType.create(SimpleType.STRING, SimpleType.DYN);
        for (String v : List.of("indicator", "artifact", "incident", "row", "inputs", "steps", "run")) {
            b.addVar(v, object);
        }
        b.addVar("result", SimpleType.DYN);
        b.addVar("item", SimpleType.DYN);
        return b;
    }

    /**
     * Compiles a condition (type bool).
     *
     * @throws ExpressionException with the position of the first error if it does not parse or type-check
     */
    public Expression condition(String source) {
        return conditionCache.computeIfAbsent(source, s -> compile(conditions, s, true));
    }

    /**
     * Compiles a value expression (any type).
     *
     * @throws ExpressionException with the position of the first error if it does not parse or type-check
     */
    public Expression value(String source) {
        return valueCache.computeIfAbsent(source, s -> compile(values, s, false));
    }

    private static Expression compile(Cel cel, String source, boolean condition) {
        CelValidationResult result = cel.compile(source);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            int line = Math.max(first.getSourceLocation().getLine(), 0);
            int column = first.getSourceLocation().getColumn() < 0 ? 0 : first.getSourceLocation().getColumn() + 1;
            throw new ExpressionException(source, first.getMessage(), line, column, null);
        }
        try {
            return new Expression(source, cel.createProgram(result.getAst()), condition);
        } catch (CelValidationException | dev.cel.runtime.CelEvaluationException e) {
            throw new ExpressionException(source, e.getMessage(), 0, 0, e);
        }
    }
}
