package riposte.core.playbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt of one step: the unit an applier stores, keyed by ({@code runId}, {@code stepId}, {@code attempt}).
 * A retry is a new StepRun with {@code attempt + 1}; the calls of one poll attempt update the same StepRun
 * ({@code polls} counts them). JSON-serialisable.
 *
 * @param outputs the step's outputs (for a call, the function's reply), visible to later steps as
 *     {@code steps.<stepId>}
 * @param error set when {@code state} is FAILED or TIMED_OUT
 * @param nextPollAt set when {@code state} is POLLING
 */
public record StepRun(String runId, String stepId, int attempt, StepState state, Instant startedAt,
        Instant finishedAt, Map<String, Object> outputs, StepError error, Instant nextPollAt, int polls) {
    public StepRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    static StepRun started(String runId, String stepId, int attempt, Instant now) {
        return new StepRun(runId, stepId, attempt, StepState.RUNNING, now, null, Map.of(), null, null, 0);
    }

    StepRun with(StepState state, Instant finishedAt, Map<String, Object> outputs, StepError error,
            Instant nextPollAt, int polls) {
        return new StepRun(runId, stepId, attempt, state, startedAt, finishedAt, outputs, error, nextPollAt, polls);
    }
}
