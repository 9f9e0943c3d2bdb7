package riposte.server.console.run;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.server.playbook.RunView;

/**
 * Helpers for pages that start and show runs: input fields are named {@code input.<name>} (the fragment
 * {@code console/run/parts :: inputs}); a run's page link, its report (a playbook's {@code reportId} output) and the
 * step an approval waits for.
 */
public final class RunForms {
    public static final String INPUT_PREFIX = "input.";

    private RunForms() {}

    /** The {@code input.<name>} fields of a form; a blank one counts as not given. */
    public static Map<String, Object> inputs(HttpServletRequest request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith(INPUT_PREFIX) && values.length > 0 && !values[values.length - 1].isBlank()) {
                inputs.put(name.substring(INPUT_PREFIX.length()), values[values.length - 1]);
            }
        });
        return inputs;
    }

    /** The report a finished run produced (its {@code reportId} output), if any. */
    public static Optional<Long> reportId(RunView run) {
        if (run == null || run.outputs() == null) return Optional.empty();
        Object id = run.outputs().get("reportId");
        if (id == null) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(id.toString()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** The step whose approval the run waits for, if it waits for one ({@code waitingFor} = {@code approval:<step>}). */
    public static Optional<String> approvalStep(RunView run) {
        String w = run.waitingFor();
        return w != null && w.startsWith("approval:") ? Optional.of(w.substring("approval:".length()))
                : Optional.empty();
    }

    /**
     * What the waiting approval step says it will touch (its evaluated message, the blast radius), if the run waits
     * for an approval and the step recorded one.
     */
    public static Optional<String> approvalMessage(RunView run) {
        return approvalStep(run).flatMap(step -> run.steps() == null ? Optional.empty() : run.steps().stream()
                .filter(s -> s.stepId().equals(step) && "WAITING_APPROVAL".equals(s.state()))
                .reduce((first, second) -> second)
                .map(s -> s.outputs() == null ? null : s.outputs().get("message"))
                .map(String::valueOf));
    }

    /** The console page of the run's object, when it has one of its own (indicators), else null. */
    public static String objectLink(ObjectRef object) {
        return object.kind() == ObjectKind.INDICATOR ? "/console/indicators/" + object.id()
                : object.kind() == ObjectKind.INCIDENT ? "/console/incidents/" + object.id() : null;
    }

    /** States a list can be filtered by. */
    public static final List<String> STATES = List.of("QUEUED", "RUNNING", "WAITING", "COMPLETED", "FAILED",
            "TIMED_OUT", "CANCELLED");
}
