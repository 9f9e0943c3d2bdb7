package riposte.server.enrichment;

import java.util.Map;
import org.springframework.stereotype.Component;
import riposte.core.enrichment.SectionOutcome;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.FunctionInvoker;
import riposte.core.playbook.StepError;
import riposte.symantec.ses.SesEndpoint;

/**
 * The {@code ses.*} playbook functions of {@link riposte.core.playbook.FunctionCatalog#symantec()} over the shared
 * enricher: a fresh cached section is answered without a request. Outputs are the catalogue's plus {@code cached},
 * {@code fetchedAt}, {@code ageSeconds} and {@code found} (see {@link SectionOutputs}).
 *
 * <p>Failures: 429, 5xx and timeouts (after the client's own retries) are transient; other client errors, an
 * indicator the endpoint does not take, and a missing configuration are permanent. A 404 is "no data": the call
 * succeeds with empty outputs and {@code found = false}. The {@code sepm.*} functions are
 * {@link riposte.server.sepm.SepmFunctions}.
 */
@Component
public class SesFunctions implements FunctionInvoker {
    private static final Map<String, Function> FUNCTIONS = Map.of(
            "ses.fileInsight", new Function(SesEndpoint.FILE_INSIGHT, "sha256"),
            "ses.fileRelated", new Function(SesEndpoint.FILE_RELATED, "sha256"),
            "ses.fileProtection", new Function(SesEndpoint.FILE_PROTECTION, "sha256"),
            "ses.processChain", new Function(SesEndpoint.PROCESS_CHAIN, "sha256"),
            "ses.networkInsight", new Function(SesEndpoint.NETWORK_INSIGHT, "value"),
            "ses.networkRelated", new Function(SesEndpoint.NETWORK_RELATED, "value"),
            "ses.networkProtection", new Function(SesEndpoint.NETWORK_PROTECTION, "value"),
            "ses.networkHistory", new Function(SesEndpoint.NETWORK_HISTORY, "value"),
            "ses.cveProtection", new Function(SesEndpoint.CVE_PROTECTION, "cve"));

    /** A function: the endpoint it calls and the name of its one input. */
    private record Function(SesEndpoint endpoint, String input) {}

    private final SesConnection connection;

    SesFunctions(SesConnection connection) {
        this.connection = connection;
    }

    @Override
    public Map<String, Object> invoke(String function, Map<String, Object> inputs) {
        Function f = FUNCTIONS.get(function);
        if (f == null) {
            throw new FunctionException(StepError.Kind.PERMANENT, "unknown function " + function);
        }
        Indicator indicator = indicator(function, f, inputs.get(f.input()));
        SesConnection.State state = connection.current();
        if (state instanceof SesConnection.State.Unconfigured u) {
            throw new FunctionException(StepError.Kind.PERMANENT, function + ": " + u.why());
        }
        SesConnection.State.Ready ready = (SesConnection.State.Ready) state;
        SectionOutcome outcome = ready.enricher().outcome(f.endpoint().section(), indicator);
        return switch (outcome) {
            case SectionOutcome.Fetched fetched -> SectionOutputs.of(fetched);
            case SectionOutcome.NotApplicable na -> throw new FunctionException(StepError.Kind.PERMANENT,
                    function + ": " + na.reason());
            case SectionOutcome.Failed failed -> throw new FunctionException(
                    failed.retriable() ? StepError.Kind.TRANSIENT : StepError.Kind.PERMANENT,
                    function + " failed (" + failed.kind().name().toLowerCase(java.util.Locale.ROOT) + "): "
                            + failed.message());
        };
    }

    /** The one input parsed and checked against the endpoint before any request. */
    private static Indicator indicator(String function, Function f, Object value) {
        String accepted = String.join(", ", f.endpoint().accepts().stream().map(IndicatorType::label).toList());
        if (value == null || value.toString().isBlank()) {
            throw new FunctionException(StepError.Kind.PERMANENT, function + " needs input '" + f.input()
                    + "': a " + accepted);
        }
        Indicator indicator;
        try {
            indicator = IndicatorParser.parse(value.toString());
        } catch (InvalidIndicatorException e) {
            throw new FunctionException(StepError.Kind.PERMANENT, function + ": " + e.getMessage()
                    + " (accepted: " + accepted + ")");
        }
        String rejection = f.endpoint().rejection(indicator.type());
        if (rejection != null) {
            throw new FunctionException(StepError.Kind.PERMANENT, function + " accepts " + accepted + ": "
                    + rejection);
        }
        return indicator;
    }
}
