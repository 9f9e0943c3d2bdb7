package riposte.core.playbook;

import java.util.Map;

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
}
