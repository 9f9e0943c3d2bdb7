package riposte.core.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Executes one {@link Decision.ExecuteStep} against {@link PlaybookPorts}: the step-execution code shared by the
 * in-memory {@link PlaybookEngine} and the server's durable engine, so that both apply a decision the same way.
 *
 * <p>Use in two halves so that a durable applier can store the attempt before acting on it: {@link #begin} gives the
 * step record to save first (a new RUNNING attempt, or the POLLING record of a poll in progress), {@link #execute}
 * runs the executor and gives the record to save after. A failure of the step never escapes: it becomes a FAILED
 * record with a {@link StepError} of the right kind.
 *
 * <pre>{@code
 * StepRun current = runner.begin(run, log, decision, now);      // save it
 * StepRun done = runner.execute(run, log, current, decision.step(), now, ports); // save it
 * }</pre>
 */
public final class StepRunner {
    private final Expressions expressions;
    private final StepExecutors executors = StepExecutors.standard();

    public StepRunner(Expressions expressions) {
        this.expressions = expressions;
    }

    /** The record of the attempt about to run: the poll's current record, or a new RUNNING attempt. */
    public StepRun begin(PlaybookRun run, List<StepRun> log, Decision.ExecuteStep e, Instant now) {
        StepRun previous = Decider.latest(log, e.step().id());
        if (continuesPoll(previous, e)) return previous;
        return StepRun.started(run.id(), e.step().id(), e.attempt(), now);
    }

    /**
     * Runs the step's executor and returns {@code current} updated with the outcome.
     *
     * @param log the step log before this attempt ({@code current} may be in it, as for a poll in progress)
     */
    public StepRun execute(PlaybookRun run, List<StepRun> log, StepRun current, Step step, Instant now,
            PlaybookPorts ports) {
        StepRun previous = current.state() == StepState.POLLING ? current : null;
        StepContext ctx = new StepContext(run, previous, Bindings.of(run, log), now, ports, expressions);
        StepResult result;
        try {
            result = executors.execute(step, ctx);
        } catch (FunctionException ex) {
            result = new StepResult.Failed(new StepError(ex.kind(), ex.getMessage()));
        } catch (ExpressionException ex) {
            result = new StepResult.Failed(StepError.permanent(ex.getMessage()));
        } catch (RuntimeException ex) {
            result = new StepResult.Failed(StepError.permanent(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        }
        return switch (result) {
            case StepResult.Completed c -> current.with(StepState.COMPLETED, now, c.outputs(), null, null, current.polls() + 1);
            case StepResult.Polling p -> current.with(StepState.POLLING, null, p.outputs(), null, p.nextPollAt(),
                    current.polls() + 1);
            case StepResult.AwaitingApproval a -> current.with(StepState.WAITING_APPROVAL, null,
                    Map.of("message", a.message()), null, null, 0);
            case StepResult.Failed f -> current.with(StepState.FAILED, now, current.outputs(), f.error(), null,
                    current.polls());
        };
    }

    /**
     * True for steps that call out of the process ({@code call}, {@code poll}): a durable applier stores their
     * RUNNING record first and executes them outside a database transaction. The other steps only write through the
     * ports and can run inside the transaction that stores their outcome.
     */
    public static boolean callsOut(Step step) {
        return step instanceof Step.Call || step instanceof Step.Poll;
    }

    private static boolean continuesPoll(StepRun previous, Decision.ExecuteStep e) {
        return previous != null && previous.attempt() == e.attempt() && previous.state() == StepState.POLLING;
    }
}
