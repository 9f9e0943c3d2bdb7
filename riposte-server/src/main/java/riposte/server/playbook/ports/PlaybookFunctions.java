package riposte.server.playbook.ports;

import java.util.Map;
import riposte.core.playbook.FunctionInvoker;
import riposte.server.enrichment.SesFunctions;
import riposte.server.sepm.SepmFunctions;

/** The server's function invoker: {@code sepm.*} to {@link SepmFunctions}, everything else to {@link SesFunctions}. */
record PlaybookFunctions(SesFunctions ses, SepmFunctions sepm) implements FunctionInvoker {
    @Override
    public Map<String, Object> invoke(String function, Map<String, Object> inputs) {
        return invoke(function, inputs, null);
    }

    @Override
    public Map<String, Object> invoke(String function, Map<String, Object> inputs, Call call) {
        return function.startsWith("sepm.") ? sepm.invoke(function, inputs, call) : ses.invoke(function, inputs);
    }
}
