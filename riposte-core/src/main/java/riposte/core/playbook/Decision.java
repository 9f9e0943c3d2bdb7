package riposte.core.playbook;

import java.time.Instant;
import java.util.Map;

/**
 * What a run should do next, as decided by {@link Decider}. An applier acts on it and stores the resulting run and
 * step records in one transaction.
 */
public sealed interface Decision {

    /** Run {@code step} now as attempt {@code attempt} (for a poll in progress: the same attempt again). */
    record ExecuteStep(Step step, int attempt) implements Decision {}

    /** Nothing to do until {@code at}: a poll interval or a retry delay ({@code reason} is poll or retry). */
    record WaitUntil(String stepId, Instant at, String reason) implements Decision {}

    /** Wait for a person to approve or reject step {@code stepId}. */
    record AwaitApproval(String stepId) implements Decision {}

    /** Every step is done; the run completes with these outputs. */
    record Complete(Map<String, Object> outputs) implements Decision {}

    /** The run fails; {@code stepId} is null when the failure is not a step's (e.g. outputs). */
    record Fail(String stepId, StepError error) implements Decision {}

    /** A poll, an approval or the whole run ({@code stepId} null) ran out of time. */
    record TimeOut(String stepId, String reason) implements Decision {}

    /** The run is already terminal; nothing to do. */
    record Finished(RunState state) implements Decision {}
}
