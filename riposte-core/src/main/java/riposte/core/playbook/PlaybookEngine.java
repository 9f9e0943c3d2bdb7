package riposte.core.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final StepRunner runner;
    private final PlaybookPorts ports;
    private final Clock clock;
    private final Map<String, PlaybookRun> runs = new HashMap<>();
    private final Map<String, PlaybookDefinition> definitions = new HashMap<>();
    private final Map<String, List<StepRun>> stepRuns = new HashMap<>();

    public PlaybookEngine(Expressions expressions, PlaybookPorts ports, Clock clock) {
        this.decider = new Decider(expressions);
        this.runner = new StepRunner(expressions);
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
        List<StepRun> log = stepRuns.get(runId);
        for (int i = 0; i < MAX_DECISIONS_PER_ADVANCE; i++) {
            Instant now = clock.instant();
            Decision decision = decider.decide(definition, run, log, now);
            if (decision instanceof Decision.ExecuteStep e) {
                run = save(RunTransitions.running(run, now));
                StepRun current = runner.begin(run, log, e, now);
                StepRun updated = runner.execute(run, log, current, e.step(), now, ports);
                put(log, updated);
                continue;
            }
            RunTransitions.Outcome outcome = RunTransitions.settle(definition, run, log, decision, now);
            outcome.changedSteps().forEach(s -> put(log, s));
            return save(outcome.run());
        }
        throw new IllegalStateException("run " + runId + " made no progress after " + MAX_DECISIONS_PER_ADVANCE + " steps");
    }

    /**
     * Approves or rejects the approval step a run waits on, then advances it. A rejection fails the run.
     *
     * @throws IllegalStateException if the run does not wait for that approval, or if a destructive playbook's
     *     approver is the person who started the run
     */
    public synchronized PlaybookRun decide(String runId, String stepId, String approver, boolean approved,
            String comment) {
        List<StepRun> log = stepRuns.get(runId);
        put(log, RunTransitions.decideApproval(definitions.get(runId), run(runId), log, stepId, approver, approved,
                comment, clock.instant()));
        return advance(runId);
    }

    /** Cancels a run that has not ended; its waiting step is marked cancelled. A no-op for a terminal run. */
    public synchronized PlaybookRun cancel(String runId, String by, String reason) {
        List<StepRun> log = stepRuns.get(runId);
        RunTransitions.Outcome outcome = RunTransitions.cancel(run(runId), log, by, reason, clock.instant());
        outcome.changedSteps().forEach(s -> put(log, s));
        return save(outcome.run());
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

    /** Adds the record, or replaces the record of the same step and attempt. */
    private static void put(List<StepRun> log, StepRun record) {
        for (int i = 0; i < log.size(); i++) {
            StepRun s = log.get(i);
            if (s.stepId().equals(record.stepId()) && s.attempt() == record.attempt()) {
                log.set(i, record);
                return;
            }
        }
        log.add(record);
    }

    private PlaybookRun save(PlaybookRun run) {
        runs.put(run.id(), run);
        return run;
    }
}
