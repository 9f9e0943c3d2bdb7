package riposte.core.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state changes of a run that involve no step execution, shared by the in-memory {@link PlaybookEngine} and the
 * server's durable engine: a decision that makes the run wait or end, an approval or rejection, a cancellation.
 * Pure functions from records to records.
 */
public final class RunTransitions {
    private RunTransitions() {}

    /** The run (and, for a step time-out, the step) after a decision that does not execute a step. */
    public record Outcome(PlaybookRun run, List<StepRun> changedSteps) {
        public Outcome {
            changedSteps = List.copyOf(changedSteps);
        }
    }

    /**
     * Applies {@code decision}, which must not be {@link Decision.ExecuteStep}. A run waiting for an approval gets a
     * {@code wakeAt} only when the approval or the run has a time limit (when to decide again to time it out).
     */
    public static Outcome settle(PlaybookDefinition definition, PlaybookRun run, List<StepRun> log, Decision decision,
            Instant now) {
        return switch (decision) {
            case Decision.ExecuteStep e -> throw new IllegalArgumentException("settle does not execute steps");
            case Decision.WaitUntil w -> new Outcome(run.moved(RunState.WAITING, w.reason() + ":" + w.stepId(),
                    w.at(), now), List.of());
            case Decision.AwaitApproval a -> new Outcome(run.moved(RunState.WAITING, "approval:" + a.stepId(),
                    approvalDeadline(definition, run, log, a.stepId()), now), List.of());
            case Decision.Complete c -> new Outcome(run.finished(RunState.COMPLETED, c.outputs(), null, now), List.of());
            case Decision.Fail f -> new Outcome(run.finished(RunState.FAILED, Map.of(),
                    new RunFailure(f.stepId(), f.error().kind(), f.error().message()), now), List.of());
            case Decision.TimeOut t -> {
                List<StepRun> changed = new ArrayList<>();
                if (t.stepId() != null) {
                    StepRun last = Decider.latest(log, t.stepId());
                    if (last != null && !last.state().terminal()) {
                        changed.add(last.with(StepState.TIMED_OUT, now, last.outputs(), StepError.permanent(t.reason()),
                                null, last.polls()));
                    }
                }
                yield new Outcome(run.finished(RunState.TIMED_OUT, Map.of(),
                        new RunFailure(t.stepId(), StepError.Kind.PERMANENT, t.reason()), now), changed);
            }
            case Decision.Finished f -> new Outcome(run, List.of());
        };
    }

    /** The run failed for a reason outside its steps (e.g. its playbook is no longer loaded). */
    public static PlaybookRun fail(PlaybookRun run, StepError error, Instant now) {
        return run.finished(RunState.FAILED, Map.of(), new RunFailure(null, error.kind(), error.message()), now);
    }

    /**
     * The earlier attempt of the step about to execute, marked FAILED, if it was left RUNNING (its executor was
     * interrupted, e.g. its server stopped): the Decider executes such a step again as a new attempt, and the log
     * should not show the old one as still running. Empty otherwise.
     */
    public static java.util.Optional<StepRun> interrupted(List<StepRun> log, Decision.ExecuteStep e, Instant now) {
        StepRun last = Decider.latest(log, e.step().id());
        if (last == null || last.state() != StepState.RUNNING || last.attempt() >= e.attempt()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(last.with(StepState.FAILED, now, last.outputs(),
                StepError.transientError("interrupted: the server executing this attempt stopped"), null, last.polls()));
    }

    /** The run moved to RUNNING before a step executes. */
    public static PlaybookRun running(PlaybookRun run, Instant now) {
        return run.moved(RunState.RUNNING, null, null, now);
    }

    /**
     * The approval step {@code stepId} decided: COMPLETED with {@code approved, by, comment} outputs, or FAILED
     * (rejected), which fails the run at the next decision.
     *
     * @throws IllegalStateException if the run does not wait for that approval, or if a destructive playbook's
     *     approver is the person who started the run
     */
    public static StepRun decideApproval(PlaybookDefinition definition, PlaybookRun run, List<StepRun> log,
            String stepId, String approver, boolean approved, String comment, Instant now) {
        StepRun waiting = Decider.latest(log, stepId);
        if (run.state().terminal() || waiting == null || waiting.state() != StepState.WAITING_APPROVAL) {
            throw new IllegalStateException("run " + run.id() + " is not waiting for approval at step " + stepId);
        }
        if (definition.destructive() && Objects.equals(approver, run.trigger().by())) {
            throw new IllegalStateException("a destructive run must be approved by someone other than " + approver
                    + ", who started it");
        }
        String text = comment == null ? "" : comment;
        Map<String, Object> outputs = new LinkedHashMap<>();
        Object message = waiting.outputs() == null ? null : waiting.outputs().get("message");
        if (message != null) outputs.put("message", message);
        outputs.put("approved", approved);
        outputs.put("by", approver);
        outputs.put("comment", text);
        return approved ? waiting.with(StepState.COMPLETED, now, outputs, null, null, 0)
                : waiting.with(StepState.FAILED, now, outputs, StepError.permanent("rejected by " + approver
                        + (text.isBlank() ? "" : ": " + text)), null, 0);
    }

    /** A cancelled run and its unfinished steps marked CANCELLED; the run unchanged if it already ended. */
    public static Outcome cancel(PlaybookRun run, List<StepRun> log, String by, String reason, Instant now) {
        if (run.state().terminal()) return new Outcome(run, List.of());
        List<StepRun> changed = new ArrayList<>();
        for (StepRun s : log) {
            if (!s.state().terminal()) {
                changed.add(s.with(StepState.CANCELLED, now, s.outputs(), StepError.permanent("cancelled"), null,
                        s.polls()));
            }
        }
        String why = "cancelled by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return new Outcome(run.finished(RunState.CANCELLED, Map.of(),
                new RunFailure(null, StepError.Kind.PERMANENT, why), now), changed);
    }

    private static Instant approvalDeadline(PlaybookDefinition definition, PlaybookRun run, List<StepRun> log,
            String stepId) {
        Instant deadline = definition.timeout() == null ? null : run.createdAt().plus(definition.timeout());
        StepRun waiting = Decider.latest(log, stepId);
        Duration stepTimeout = definition.step(stepId).map(s -> s instanceof Step.Approval a ? a.timeout() : null)
                .orElse(null);
        if (stepTimeout != null && waiting != null) {
            Instant at = waiting.startedAt().plus(stepTimeout);
            if (deadline == null || at.isBefore(deadline)) deadline = at;
        }
        return deadline;
    }
}
