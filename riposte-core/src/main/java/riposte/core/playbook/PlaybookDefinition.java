package riposte.core.playbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned, immutable playbook as loaded from YAML. Runs refer to it by {@code id} and {@code version}; a changed
 * playbook must get a new version so that runs keep the definition they started with.
 *
 * @param outputs run outputs: name → CEL expression, evaluated when the run completes
 * @param destructive true if it calls a destructive function; such a playbook needs an {@link Step.Approval} step
 *     before its first destructive call
 * @param timeout the whole run's time limit, or null for none
 * @param origin where it was loaded from ({@code classpath:playbooks/x.yml} or a path), for messages
 * @param triggers the automatic triggers (rules on new objects, schedules); empty for manual-only playbooks
 */
public record PlaybookDefinition(String id, int version, String name, String description, Target target,
        List<InputSpec> inputs, List<Step> steps, Map<String, String> outputs, boolean destructive, Duration timeout,
        String origin, List<TriggerSpec> triggers) {
    public PlaybookDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        if (description == null) description = "";
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        steps = steps == null ? List.of() : List.copyOf(steps);
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /** A playbook without automatic triggers. */
    public PlaybookDefinition(String id, int version, String name, String description, Target target,
            List<InputSpec> inputs, List<Step> steps, Map<String, String> outputs, boolean destructive,
            Duration timeout, String origin) {
        this(id, version, name, description, target, inputs, steps, outputs, destructive, timeout, origin, List.of());
    }

    /** True when a run must be approved before its destructive steps (today: exactly the destructive playbooks). */
    public boolean requiresApproval() {
        return destructive;
    }

    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Every step, branch steps before their nested ones, in document order. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>();
        flatten(steps, all);
        return all;
    }

    public Optional<Step> step(String stepId) {
        return allSteps().stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    private static void flatten(List<Step> steps, List<Step> into) {
        for (Step s : steps) {
            into.add(s);
            if (s instanceof Step.Branch b) {
                flatten(b.then(), into);
                flatten(b.otherwise(), into);
            }
        }
    }
}
