package riposte.server.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.core.playbook.Decider;
import riposte.core.playbook.Decision;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.PlaybookRun;
import riposte.core.playbook.RunTransitions;
import riposte.core.playbook.StepError;
import riposte.core.playbook.StepRun;
import riposte.core.playbook.StepRunner;
import riposte.server.system.Sql;

/**
 * Applies the {@link Decider}'s decisions to a stored run until it waits or ends, saving the run and its step
 * records after each decision. The durable counterpart of the core's in-memory engine; both execute steps through
 * {@link StepRunner} and change state through {@link RunTransitions}.
 *
 * <p>Exactly-once rules:
 * <ul>
 *   <li>Only the holder of a run's lease advances it ({@link RunRepository#claim}; a new run is stored leased to the
 *       node that started it); on one node a run is advanced by one thread at a time. The lease is extended by every
 *       write of the holder, renewed while steps execute, and ends with the node: another node (or the restarted
 *       one) takes over once it has run out.</li>
 *   <li>Every write names the version read before it; a lost race (a cancel, a lease taken over after expiry)
 *       makes the write fail and the advance stop without acting further.</li>
 *   <li>A step that calls out ({@code call}, {@code poll}) is stored RUNNING before it executes, outside any
 *       transaction, and its outcome stored after. If the node dies in between, the Decider executes it again as a
 *       new attempt: the one documented re-execution.</li>
 *   <li>Every other step writes through the ports inside the same transaction that stores its outcome, so its writes
 *       and its COMPLETED record commit together or not at all.</li>
 *   <li>When a step's stored outcome settles the run (it was the last step, it failed the run, or the run now waits),
 *       the run's new state is stored in the same transaction as that outcome.</li>
 * </ul>
 */
@Component
class DurableEngine {
    private static final Logger log = LoggerFactory.getLogger(DurableEngine.class);
    private static final int MAX_DECISIONS = 10_000;
    private static final int LOCAL_TRIES = 3;
    static final PlaybookPorts NO_PORTS = new PlaybookPorts(null, null, null, null, null, null, null);

    private final RunRepository runs;
    private final PlaybookLibrary library;
    private final ObjectProvider<PlaybookPorts> ports;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PlaybookSettings settings;
    private final Decider decider;
    private final StepRunner runner;
    private final String node = "node-" + UUID.randomUUID();
    private final Set<String> advancing = ConcurrentHashMap.newKeySet();

    DurableEngine(RunRepository runs, PlaybookLibrary library, ObjectProvider<PlaybookPorts> ports,
            TransactionTemplate transactions, Clock clock, PlaybookSettings settings) {
        this.runs = runs;
        this.library = library;
        this.ports = ports;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.decider = new Decider(library.expressions());
        this.runner = new StepRunner(library.expressions());
    }

    /** This node's lease owner name. */
    String node() {
        return node;
    }

    /** Renews the leases this node holds (runs whose steps are executing here). */
    void heartbeat() {
        if (!advancing.isEmpty()) runs.renewLeases(node, Set.copyOf(advancing), now().plus(settings.lease()));
    }

    /** Advances the run as far as it goes now. Never throws for the run's own failures: they end the run. */
    void advance(String runId) {
        advance(runId, null);
    }

    /**
     * As {@link #advance(String)} for a run this node has just stored, leased to itself until it is due, with no step
     * log yet ({@code started}, at its stored version). It is not read back; and while the first half of that lease
     * remains, not claimed either: the advance's first write names the version and extends the lease, so if the run
     * changed meanwhile (e.g. cancelled) nothing is done. Later (the run waited long for a free advancing thread),
     * it is claimed at that version first, so that no other node can have taken it by the time its step executes.
     */
    void advanceStarted(RunRepository.Stored started) {
        advance(started.run().id(), started);
    }

    /**
     * Nothing is returned: a run this node could not claim (held by another node or thread, or ended) is that
     * holder's to advance, and the sweep finds it again if the holder dies ({@link RunDispatcher}).
     */
    private void advance(String runId, RunRepository.Stored started) {
        Instant now = now();
        if (!advancing.add(runId)) return;
        try {
            Instant until = now.plus(settings.lease());
            Optional<RunRepository.Stored> claimed = Optional.empty();
            if (started != null) {
                Instant leaseHalfGone = started.run().createdAt().plus(settings.safetyNet().dividedBy(2));
                claimed = now.isBefore(leaseHalfGone) ? Optional.of(started) : runs.claim(started, node, now, until);
            }
            boolean fresh = claimed.isPresent();
            if (claimed.isEmpty()) claimed = runs.claim(runId, node, now, until);
            if (claimed.isEmpty()) return;
            try {
                apply(claimed.get(), fresh ? new ArrayList<>() : new ArrayList<>(runs.steps(runId)));
            } catch (LostRace e) {
                log.debug("Run {} was changed by someone else while advancing; stopped", runId);
                runs.release(runId, node, null);
            } catch (RuntimeException e) {
                runs.release(runId, node, now().plus(settings.safetyNet()));
                throw e;
            }
        } finally {
            advancing.remove(runId);
        }
    }

    private void apply(RunRepository.Stored stored, List<StepRun> log) {
        PlaybookRun run = stored.run();
        long[] version = {stored.version()};
        int wantedVersion = run.playbookVersion();
        Optional<PlaybookDefinition> found = library.find(run.playbookId()).filter(d -> d.version() == wantedVersion);
        if (found.isEmpty()) {
            PlaybookRun failed = RunTransitions.fail(run, StepError.permanent("playbook " + run.playbookId()
                    + " version " + run.playbookVersion() + " is not loaded on this server (removed or changed "
                    + "while the run was in progress)"), now());
            write(() -> save(failed, version, true));
            return;
        }
        PlaybookDefinition definition = found.get();
        PlaybookPorts portsNow = ports.getIfAvailable(() -> NO_PORTS);
        for (int i = 0; i < MAX_DECISIONS; i++) {
            Instant now = now();
            Decision decision = decider.decide(definition, run, log, now);
            if (decision instanceof Decision.ExecuteStep e) {
                PlaybookRun running = RunTransitions.running(run, now);
                Optional<StepRun> interrupted = RunTransitions.interrupted(log, e, now);
                interrupted.ifPresent(s -> put(log, s));
                StepRun current = runner.begin(running, log, e, now);
                int seq = RunRepository.seq(log, current);
                StepRun done;
                PlaybookRun[] settledWith = {null};
                if (StepRunner.callsOut(e.step())) {
                    write(() -> {
                        save(running, version, false);
                        interrupted.ifPresent(s -> runs.putStep(s, RunRepository.seq(log, s)));
                        runs.putStep(current, seq, seq < log.size());
                    });
                    put(log, current);
                    List<StepRun> before = List.copyOf(log);
                    done = runner.execute(running, before, current, e.step(), now, portsNow);
                    write(() -> {
                        runs.putStep(done, seq);
                        saveSettledOrRunning(definition, running, log, done, version, settledWith);
                    });
                } else {
                    done = executeLocally(definition, running, log, current, e, interrupted, seq, version, now,
                            portsNow, settledWith);
                }
                put(log, done);
                if (settledWith[0] != null) return;
                run = running;
                continue;
            }
            RunTransitions.Outcome outcome = RunTransitions.settle(definition, run, log, decision, now);
            PlaybookRun settled = outcome.run();
            write(() -> {
                save(settled, version, true);
                for (StepRun s : outcome.changedSteps()) runs.putStep(s, RunRepository.seq(log, s));
            });
            return;
        }
        throw new IllegalStateException("run " + run.id() + " made no progress after " + MAX_DECISIONS + " decisions");
    }

    /**
     * Executes a step that only writes through the ports inside the transaction that stores its outcome. A failed
     * step's writes are rolled back and the failure is stored on its own; a transaction that a port's conflict (e.g.
     * two runs creating the same attribute definition) left rollback-only is tried again, as nothing of it committed.
     * When the outcome settles the run (the next decision does not execute a step: the run completes, fails or
     * waits), the settled run is stored in the same transaction and returned in {@code settledWith}.
     */
    private StepRun executeLocally(PlaybookDefinition definition, PlaybookRun running, List<StepRun> log,
            StepRun current, Decision.ExecuteStep e, Optional<StepRun> interrupted, int seq, long[] version,
            Instant now, PlaybookPorts portsNow, PlaybookRun[] settledWith) {
        List<StepRun> before = List.copyOf(log);
        String conflict = null;
        for (int attempt = 0; attempt < LOCAL_TRIES; attempt++) {
            long versionBefore = version[0];
            settledWith[0] = null;
            try {
                StepRun result = transactions.execute(tx -> {
                    StepRun r = runner.execute(running, before, current, e.step(), now, portsNow);
                    if (r.state() == riposte.core.playbook.StepState.FAILED) {
                        tx.setRollbackOnly();
                        return r;
                    }
                    interrupted.ifPresent(s -> runs.putStep(s, RunRepository.seq(log, s)));
                    runs.putStep(r, seq, seq < log.size());
                    saveSettledOrRunning(definition, running, log, r, version, settledWith);
                    return r;
                });
                if (result.state() != riposte.core.playbook.StepState.FAILED) return result;
                store(definition, running, log, interrupted, result, seq, version, settledWith);
                return result;
            } catch (UnexpectedRollbackException | TransientDataAccessException | DuplicateKeyException ex) {
                version[0] = versionBefore; // nothing of the attempt committed
                conflict = ex.getClass().getSimpleName();
            }
        }
        StepRun failed = new StepRun(current.runId(), current.stepId(), current.attempt(),
                riposte.core.playbook.StepState.FAILED, current.startedAt(), now, Map.of(),
                StepError.transientError("the step's writes conflicted with other work " + LOCAL_TRIES + " times ("
                        + conflict + ")"), null, current.polls());
        store(definition, running, log, interrupted, failed, seq, version, settledWith);
        return failed;
    }

    private void store(PlaybookDefinition definition, PlaybookRun running, List<StepRun> log,
            Optional<StepRun> interrupted, StepRun result, int seq, long[] version, PlaybookRun[] settledWith) {
        settledWith[0] = null;
        write(() -> {
            interrupted.ifPresent(s -> runs.putStep(s, RunRepository.seq(log, s)));
            runs.putStep(result, seq);
            saveSettledOrRunning(definition, running, log, result, version, settledWith);
        });
    }

    /**
     * Saves the run after a step's outcome {@code result}: settled (and released) when the next decision
     * settles it without executing another step, RUNNING otherwise. The decision is the one the advance loop would
     * take next (the Decider is pure), taken now.
     */
    private void saveSettledOrRunning(PlaybookDefinition definition, PlaybookRun running, List<StepRun> log,
            StepRun result, long[] version, PlaybookRun[] settledWith) {
        List<StepRun> after = new ArrayList<>(log);
        put(after, result);
        Instant decidedAt = now();
        Decision next = decider.decide(definition, running, after, decidedAt);
        if (next instanceof Decision.ExecuteStep) {
            save(running, version, false);
            return;
        }
        RunTransitions.Outcome outcome = RunTransitions.settle(definition, running, after, next, decidedAt);
        save(outcome.run(), version, true);
        for (StepRun s : outcome.changedSteps()) runs.putStep(s, RunRepository.seq(after, s));
        settledWith[0] = outcome.run();
    }

    private void save(PlaybookRun run, long[] version, boolean release) {
        boolean saved = release ? runs.save(run, version[0], true)
                : runs.saveLeased(run, version[0], now().plus(settings.lease()));
        if (!saved) throw new LostRace();
        version[0]++;
    }

    private void write(Runnable work) {
        transactions.executeWithoutResult(tx -> work.run());
    }

    private static void put(List<StepRun> log, StepRun s) {
        int i = RunRepository.seq(log, s);
        if (i < log.size()) log.set(i, s);
        else log.add(s);
    }

    private Instant now() {
        return Sql.now(clock);
    }

    /** A write found the run at another version than the one read: someone else changed it. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }
}
