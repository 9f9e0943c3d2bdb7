package riposte.core.playbook;

import java.util.Map;
import java.util.Objects;

/**
 * Port: calls a source function from the {@link FunctionCatalog} (e.g. {@code ses.fileInsight}) with evaluated
 * inputs and returns its outputs as JSON-like values (maps, lists, strings, numbers, booleans).
 */
public interface FunctionInvoker {
    /**
     * @throws FunctionException for a failure the engine should classify (transient ones are retried); any other
     *     runtime exception counts as permanent
     */
    Map<String, Object> invoke(String function, Map<String, Object> inputs);

    /**
     * Calls the function for a step of a run. {@code call} identifies the step across its attempts (a retry, or the
     * re-attempt after a restart, has the same run and step id), so a function that sends a command can send it
     * once per step: see {@code sepm.*}. By default the call site is ignored.
     */
    default Map<String, Object> invoke(String function, Map<String, Object> inputs, Call call) {
        return invoke(function, inputs);
    }

    /** Which step of which run makes a call (the same for every attempt of that step). */
    record Call(String runId, String stepId) {
        public Call {
            Objects.requireNonNull(stepId, "stepId");
        }
    }
}
