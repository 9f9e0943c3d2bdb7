package riposte.core.playbook;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the CEL variables of a run: the object, inputs, completed steps' outputs and run facts. */
final class Bindings {
    private Bindings() {}

    static Map<String, Object> of(PlaybookRun run, List<StepRun> stepRuns) {
        Map<String, Object> steps = new LinkedHashMap<>();
        for (StepRun s : stepRuns) {
            if (s.state() == StepState.COMPLETED) steps.put(s.stepId(), s.outputs());
        }
        Map<String, Object> runFacts = new LinkedHashMap<>();
        runFacts.put("id", run.id());
        runFacts.put("playbook", run.playbookId());
        runFacts.put("startedAt", run.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        runFacts.put("startedBy", run.trigger().by());
        Map<String, Object> vars = new HashMap<>();
        vars.put(run.object().kind().variable(), run.objectData());
        vars.put("inputs", run.inputs());
        vars.put("steps", steps);
        vars.put("run", runFacts);
        return vars;
    }

    static Map<String, Object> plus(Map<String, Object> vars, String name, Object value) {
        Map<String, Object> out = new HashMap<>(vars);
        out.put(name, value);
        return out;
    }
}
