package riposte.core.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a run's next {@link Decision} from the definition, the run, its step runs and the time. Pure: no I/O, no
 * clock, no mutation (it evaluates CEL for outputs, which has no side effects), so deciding twice gives the same
 * answer and a durable applier can decide, act and save in one transaction.
 *
 * <p>Steps run in document order; a completed {@link Step.Branch} continues into the list its {@code taken}
 * output names. A failed attempt with a transient error is retried by the step's {@link RetryPolicy}; a permanent
 * error, or the last attempt, fails the run naming the step. A step found RUNNING (its executor was interrupted,
 * e.g. by a crash) is executed again as a new attempt.
 */
public final class Decider {
    private final Expressions expressions;

    public Decider(Expressions expressions) {
        this.expressions = expressions;
    }

    public Decision decide(PlaybookDefinition definition, PlaybookRun run, List<StepRun> stepRuns, Instant now) {
        if (run.state().terminal()) return new Decision.Finished(run.state());
        if (definition.timeout() != null && !now.isBefore(run.createdAt().plus(definition.timeout()))) {
            return new Decision.TimeOut(null, "the run took longer than " + definition.timeout());
        }
        Decision next = walk(definition.steps(), stepRuns, now);
        return next != null ? next : complete(definition, run, stepRuns);
    }

    private Decision walk(List<Step> steps, List<StepRun> stepRuns, Instant now) {
        for (Step step : steps) {
            StepRun last = latest(stepRuns, step.id());
            if (last == null) return new Decision.ExecuteStep(step, 1);
            Decision d = switch (last.state()) {
                case COMPLETED -> step instanceof Step.Branch b
                        ? walk(Boolean.TRUE.equals(last.outputs().get("taken")) ? b.then() : b.otherwise(), stepRuns, now)
                        : null;
                case FAILED -> afterFailure(step, last, now);
                case POLLING -> nextPoll((Step.Poll) step, last, stepRuns, now);
                case WAITING_APPROVAL -> approval((Step.Approval) step, last, now);
                case RUNNING -> new Decision.ExecuteStep(step, last.attempt() + 1);
                case TIMED_OUT -> new Decision.TimeOut(step.id(), last.error() == null ? "timed out" : last.error().message());
                case CANCELLED -> new Decision.Fail(step.id(), StepError.permanent("cancelled"));
            };
            if (d != null) return d;
        }
        return null;
    }

    private static Decision afterFailure(Step step, StepRun last, Instant now) {
        StepError error = last.error() == null ? StepError.permanent("failed") : last.error();
        RetryPolicy policy = retryPolicy(step);
        if (!error.kind().retriable() || last.attempt() >= policy.maxAttempts()) {
            String suffix = error.kind().retriable() ? " (after " + last.attempt() + " attempts)" : "";
            return new Decision.Fail(step.id(), new StepError(error.kind(), error.message() + suffix));
        }
        Instant at = (last.finishedAt() == null ? now : last.finishedAt()).plus(policy.delayAfter(last.attempt()));
        return now.isBefore(at) ? new Decision.WaitUntil(step.id(), at, "retry")
                : new Decision.ExecuteStep(step, last.attempt() + 1);
    }

    private static Decision nextPoll(Step.Poll poll, StepRun last, List<StepRun> stepRuns, Instant now) {
        Instant deadline = firstStart(stepRuns, poll.id()).plus(poll.timeout());
        if (!now.isBefore(deadline)) {
            return new Decision.TimeOut(poll.id(), "condition '" + poll.until() + "' not met within " + poll.timeout()
                    + " (" + last.polls() + " polls)");
        }
        Instant at = last.nextPollAt() == null ? now : last.nextPollAt();
        if (!now.isBefore(at)) return new Decision.ExecuteStep(poll, last.attempt());
        return new Decision.WaitUntil(poll.id(), at.isAfter(deadline) ? deadline : at, "poll");
    }

    private static Decision approval(Step.Approval step, StepRun last, Instant now) {
        Duration timeout = step.timeout();
        if (timeout != null && !now.isBefore(last.startedAt().plus(timeout))) {
            return new Decision.TimeOut(step.id(), "no approval within " + timeout);
        }
        return new Decision.AwaitApproval(step.id());
    }

    private Decision complete(PlaybookDefinition definition, PlaybookRun run, List<StepRun> stepRuns) {
        Map<String, Object> vars = Bindings.of(run, stepRuns);
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : definition.outputs().entrySet()) {
            try {
                outputs.put(e.getKey(), expressions.value(e.getValue()).evaluate(vars));
            } catch (ExpressionException ex) {
                return new Decision.Fail(null, StepError.permanent("output '" + e.getKey() + "': " + ex.getMessage()));
            }
        }
        return new Decision.Complete(outputs);
    }

    private static RetryPolicy retryPolicy(Step step) {
        return switch (step) {
            case Step.Call c -> c.retry();
            case Step.Poll p -> p.retry();
            default -> RetryPolicy.NONE;
        };
    }

    static StepRun latest(List<StepRun> stepRuns, String stepId) {
        StepRun latest = null;
        for (StepRun s : stepRuns) {
            if (s.stepId().equals(stepId) && (latest == null || s.attempt() >= latest.attempt())) latest = s;
        }
        return latest;
    }

    private static Instant firstStart(List<StepRun> stepRuns, String stepId) {
        Instant first = null;
        for (StepRun s : stepRuns) {
            if (s.stepId().equals(stepId) && (first == null || s.startedAt().isBefore(first))) first = s.startedAt();
        }
        return first;
    }
}
