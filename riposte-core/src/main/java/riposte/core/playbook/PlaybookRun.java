package riposte.core.playbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a playbook definition (by id and version) on one object, with the object's data snapshot taken at
 * start, the resolved inputs, who started it and why, and its state. Immutable and JSON-serialisable: an applier
 * stores a new value per decision. The step log is the run's {@link StepRun}s.
 *
 * @param waitingFor when WAITING: what for ({@code poll}, {@code retry} or {@code approval}) and on which step
 * @param wakeAt when WAITING for a poll or retry: when to decide again
 * @param failure set when FAILED, TIMED_OUT or CANCELLED
 */
public record PlaybookRun(String id, String playbookId, int playbookVersion, ObjectRef object,
        Map<String, Object> objectData, Map<String, Object> inputs, RunState state, String waitingFor,
        Instant wakeAt, Trigger trigger, Instant createdAt, Instant updatedAt, Map<String, Object> outputs,
        RunFailure failure) {
    public PlaybookRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        objectData = copy(objectData);
        inputs = copy(inputs);
        outputs = copy(outputs);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    PlaybookRun moved(RunState state, String waitingFor, Instant wakeAt, Instant now) {
        return new PlaybookRun(id, playbookId, playbookVersion, object, objectData, inputs, state, waitingFor, wakeAt,
                trigger, createdAt, now, outputs, failure);
    }

    PlaybookRun finished(RunState state, Map<String, Object> outputs, RunFailure failure, Instant now) {
        return new PlaybookRun(id, playbookId, playbookVersion, object, objectData, inputs, state, null, null,
                trigger, createdAt, now, outputs, failure);
    }
}
