package riposte.server.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.RunFailure;
import riposte.core.playbook.Trigger;

/**
 * A playbook run as the API returns it. {@code state} is QUEUED, RUNNING, WAITING (see {@code waitingFor}:
 * {@code poll:<step>}, {@code retry:<step>} or {@code approval:<step>}), COMPLETED, FAILED, TIMED_OUT or CANCELLED;
 * {@code failure} says which step failed and why. {@code steps} is the step log (every attempt, in the order they
 * started) when one run is fetched, and null in lists.
 */
public record RunView(String id, String playbookId, String playbookName, int playbookVersion, ObjectRef object,
        Map<String, Object> inputs, String state, boolean terminal, String waitingFor, Instant wakeAt, Trigger trigger,
        Instant createdAt, Instant updatedAt, Map<String, Object> outputs, RunFailure failure, List<Step> steps) {

    /**
     * One attempt of one step. {@code state} is RUNNING, POLLING, WAITING_APPROVAL, COMPLETED, FAILED, TIMED_OUT or
     * CANCELLED; {@code error} is set when it failed; {@code polls} counts a poll's calls.
     */
    public record Step(String stepId, String type, int attempt, String state, Instant startedAt, Instant finishedAt,
            Map<String, Object> outputs, String errorKind, String error, Instant nextPollAt, int polls) {}
}
