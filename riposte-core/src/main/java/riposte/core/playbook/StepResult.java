package riposte.core.playbook;

import java.time.Instant;
import java.util.Map;

/** What one execution of a step produced. */
sealed interface StepResult {
    record Completed(Map<String, Object> outputs) implements StepResult {}

    /** A poll whose condition is not met yet; call again at {@code nextPollAt}. */
    record Polling(Map<String, Object> outputs, Instant nextPollAt) implements StepResult {}

    /** Waits for a person's decision; {@code message} is the step's evaluated text (what it will touch). */
    record AwaitingApproval(String message) implements StepResult {}

    record Failed(StepError error) implements StepResult {}
}
