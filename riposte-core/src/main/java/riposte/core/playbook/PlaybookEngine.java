package riposte.core.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An in-memory playbook engine for tests and the CLI: it asks the {@link Decider} what to do, executes steps
 * synchronously through the step executors against {@link PlaybookPorts}, and records the run and its step log.
 * Nothing survives the process; the server's durable engine applies the same decisions in transactions.
 * Thread-safe (one lock); time comes from the injected clock, so tests move it by hand and call {@link #advance}.
 *
 * <pre>{@code
 * PlaybookEngine engine = new PlaybookEngine(new Expressions(), ports, clock);
 * PlaybookRun run = engine.start(definition, PlaybookSubject.indicator(sha256), Map.of(), Trigger.manual("ann"));
 * // later, when a poll or retry is due:
 * run = engine.advance(run.id());
 * }</pre>
 */
public final class PlaybookEngine {
    private static final int MAX_DECISIONS_PER_ADVANCE = 10_000;

    private final Decider decider;
    private final Expressions expressions;
    private final StepExecutors executors = StepExecutors.standard();
    private final PlaybookPorts ports;
    private final Clock clock;
    private final Map<String, PlaybookRun> runs = new HashMap<>();
    private final Map<String, PlaybookDefinition> definitions = new HashMap<>();
    private final Map<String, List<StepRun>> stepRuns = new HashMap<>();

    public PlaybookEngine(Expressions expressions, PlaybookPorts ports, Clock clock) {
        this.expressions = expressions;
        this.decider = new Decider(expressions);
        this.ports = ports;
        this.clock = clock;
    }

    /**
     * Starts a run and advances it as far as it goes now.
     *
     * @throws IllegalArgumentException if the playbook does not apply to the subject or the inputs are invalid
     */
    public synchronized PlaybookRun start(PlaybookDefinition definition, PlaybookSubject subject,
            Map<String, ?> inputs, Trigger trigger) {
        if (!definition.target().accepts(subject.ref().kind(), subject.ref().table())) {
            throw new IllegalArgumentException("playbook " + definition.id() + " runs on " + definition.target().kind()
                    .variable() + ", not on " + subject.ref());
        }
        Map<String, Object> resolved = InputValues.resolve(definition, inputs);
        Instant now = clock.instant();
        PlaybookRun run = new PlaybookRun(UUID.randomUUID().toString(), definition.id(), definition.version(),
                subject.ref(), subject.data(), resolved, RunState.QUEUED, null, null, trigger, now, now, Map.of(), null);
        runs.put(run.id(), run);
        definitions.put(run.id(), definition);
        stepRuns.put(run.id(), new ArrayList<>());
        return advance(run.id());
    }

    /** Applies decisions until the run waits or ends; a no-op for a terminal run or one whose wait is not over. */
    public synchronized PlaybookRun advance(String runId) {
        PlaybookRun run = run(runId);
        PlaybookDefinition definition = definitions.get(runId);
        for (int i = 0; i < MAX_DECISIONS_PER_ADVANCE; i++) {
            Instant now = clock.instant();
            Decision decision = decider.decide(definition, run, stepRuns.get(runId), now);
            switch (decision) {
                case Decision.ExecuteStep e -> run = execute(run, e, now);
                case Decision.WaitUntil w -> {
                    return save(run.moved(RunState.WAITING, w.reason() + ":" + w.stepId(), w.at(), now));
                }
                case Decision.AwaitApproval a -> {
                    return save(run.moved(RunState.WAITING, "approval:" + a.stepId(), null, now));
                }
                case Decision.Complete c -> {
                    return save(run.finished(RunState.COMPLETED, c.outputs(), null, now));
                }
                case Decision.Fail f -> {
                    return save(run.finished(RunState.FAILED, Map.of(),
                            new RunFailure(f.stepId(), f.error().kind(), f.error().message()), now));
                }
                case Decision.TimeOut t -> {
                    if (t.stepId() != null) endStep(runId, t.stepId(), StepState.TIMED_OUT, StepError.permanent(t.reason()), now);
                    return save(run.finished(RunState.TIMED_OUT, Map.of(),
                            new RunFailure(t.stepId(), StepError.Kind.PERMANENT, t.reason()), now));
                }
                case Decision.Finished f -> {
                    return run;
                }
            }
        }
        throw new IllegalStateException("run " + runId + " made no progress after " + MAX_DECISIONS_PER_ADVANCE + " steps");
    }

    private PlaybookRun execute(PlaybookRun run, Decision.ExecuteStep e, Instant now) {
        run = save(run.moved(RunState.RUNNING, null, null, now));
        List<StepRun> log = stepRuns.get(run.id());
        StepRun previous = Decider.latest(log, e.step().id());
        boolean samePoll = previous != null && previous.attempt() == e.attempt() && previous.state() == StepState.POLLING;
        StepRun current = samePoll ? previous : StepRun.started(run.id(), e.step().id(), e.attempt(), now);
        StepContext ctx = new StepContext(run, samePoll ? previous : null, Bindings.of(run, log), now, ports, expressions);
        StepResult result;
        try {
            result = executors.execute(e.step(), ctx);
        } catch (FunctionException ex) {
            result = new StepResult.Failed(new StepError(ex.kind(), ex.getMessage()));
        } catch (ExpressionException ex) {
            result = new StepResult.Failed(StepError.permanent(ex.getMessage()));
        } catch (RuntimeException ex) {
            result = new StepResult.Failed(StepError.permanent(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        }
        StepRun updated = switch (result) {
            case StepResult.Completed c -> current.with(StepState.COMPLETED, now, c.outputs(), null, null, current.polls() + 1);
            case StepResult.Polling p -> current.with(StepState.POLLING, null, p.outputs(), null, p.nextPollAt(),
                    current.polls() + 1);
            case StepResult.AwaitingApproval a -> current.with(StepState.WAITING_APPROVAL, null, Map.of(), null, null, 0);
            case StepResult.Failed f -> current.with(StepState.FAILED, now, current.outputs(), f.error(), null,
                    current.polls());
        };
        if (samePoll) log.set(log.indexOf(previous), updated);
        else log.add(updated);
        return run;
    }

    /**
     * Approves or rejects the approval step a run waits on, then advances it. A rejection fails the run.
     *
     * @throws IllegalStateException if the run does not wait for that approval, or if a destructive playbook's
     *     approver is the person who started the run
     */
    public synchronized PlaybookRun decide(String runId, String stepId, String approver, boolean approved,
            String comment) {
        StepRun waiting = Decider.latest(stepRuns.get(runId), stepId);
        if (waiting == null || waiting.state() != StepState.WAITING_APPROVAL) {
            throw new IllegalStateException("run " + runId + " is not waiting for approval at step " + stepId);
        }
        PlaybookRun run = run(runId);
        if (definitions.get(runId).destructive() && Objects.equals(approver, run.trigger().by())) {
            throw new IllegalStateException("a destructive run must be approved by someone other than " + approver);
        }
        Instant now = clock.instant();
        Map<String, Object> outputs = Map.of("approved", approved, "by", approver, "comment",
                comment == null ? "" : comment);
        StepRun decided = approved ? waiting.with(StepState.COMPLETED, now, outputs, null, null, 0)
                : waiting.with(StepState.FAILED, now, outputs, StepError.permanent("rejected by " + approver
                        + (comment == null || comment.isBlank() ? "" : ": " + comment)), null, 0);
        List<StepRun> log = stepRuns.get(runId);
        log.set(log.indexOf(waiting), decided);
        return advance(runId);
    }

    /** Cancels a run that has not ended; its waiting step is marked cancelled. A no-op for a terminal run. */
    public synchronized PlaybookRun cancel(String runId, String by, String reason) {
        PlaybookRun run = run(runId);
        if (run.state().terminal()) return run;
        Instant now = clock.instant();
        for (StepRun s : List.copyOf(stepRuns.get(runId))) {
            if (!s.state().terminal()) endStep(runId, s.stepId(), StepState.CANCELLED, StepError.permanent("cancelled"), now);
        }
        return save(run.finished(RunState.CANCELLED, Map.of(),
                new RunFailure(null, StepError.Kind.PERMANENT, "cancelled by " + by + (reason == null ? "" : ": " + reason)),
                now));
    }

    public synchronized PlaybookRun run(String runId) {
        PlaybookRun run = runs.get(runId);
        if (run == null) throw new IllegalArgumentException("no run " + runId);
        return run;
    }

    /** The step log: every attempt of every step, in the order they started. */
    public synchronized List<StepRun> steps(String runId) {
        run(runId);
        return List.copyOf(stepRuns.get(runId));
    }

    private void endStep(String runId, String stepId, StepState state, StepError error, Instant now) {
        List<StepRun> log = stepRuns.get(runId);
        StepRun last = Decider.latest(log, stepId);
        if (last != null && !last.state().terminal()) {
            log.set(log.indexOf(last), last.with(state, now, last.outputs(), error, null, last.polls()));
        }
    }

    private PlaybookRun save(PlaybookRun run) {
        runs.put(run.id(), run);
        return run;
    }
}
