package riposte.core.playbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step executor may use: the run, the previous record of this attempt (a poll's earlier call, else null),
 * the CEL variables, the time, the ports and the expressions.
 */
record StepContext(PlaybookRun run, StepRun previous, Map<String, Object> vars, Instant now, PlaybookPorts ports,
        Expressions expressions) {

    Object eval(String expression) {
        return expressions.value(expression).evaluate(vars);
    }

    Object eval(String expression, String name, Object value) {
        return expressions.value(expression).evaluate(Bindings.plus(vars, name, value));
    }

    boolean test(String condition, String name, Object value) {
        return expressions.condition(condition).test(Bindings.plus(vars, name, value));
    }

    Map<String, Object> evalAll(Map<String, String> expressions) {
        Map<String, Object> out = new LinkedHashMap<>();
        expressions.forEach((k, e) -> out.put(k, eval(e)));
        return out;
    }
}
