package riposte.server.playbook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import riposte.server.system.Sql;

/**
 * Gets runs advanced: at once on a virtual thread of the node that started (or approved) them, and durably by one
 * recurring db-scheduler task, the sweep ({@value #SWEEP}), which one node at a time runs every
 * {@code riposte.playbooks.sweep-interval}. The sweep advances the runs that are due ({@link RunRepository#due}): a
 * poll's or retry's wake time or an approval's deadline has come, or a run was started or approved a safety delay
 * ago and is still not leased or its lease ran out — its node died before or while advancing it. A run therefore
 * costs the scheduler nothing of its own; its {@code due_at} column, written with every change of the run, is its
 * durable schedule. The run's lease ({@link DurableEngine}) keeps the immediate advance, the sweep and other nodes
 * from executing it twice.
 */
@Component
class RunDispatcher {
    static final String SWEEP = "playbook-sweep";
    /** The most runs one sweep hands out; the next sweep (an interval later) takes the next ones. */
    private static final int SWEEP_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

    private final DurableEngine engine;
    private final RunRepository runs;
    private final Clock clock;
    private final ExecutorService now = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeat;
    private final Semaphore advancing;
    /** Runs handed to this node's advancing threads and not finished yet: the sweep does not hand them out again. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    RunDispatcher(DurableEngine engine, RunRepository runs, PlaybookSettings settings, Clock clock) {
        this.engine = engine;
        this.runs = runs;
        this.clock = clock;
        this.advancing = new Semaphore(Math.max(1, settings.advanceConcurrency()));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "playbook-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** The recurring db-scheduler task of the sweep; {@code dispatcher} is looked up lazily (it is made after). */
    static RecurringTask<Void> sweepTask(Duration every, ObjectProvider<RunDispatcher> dispatcher) {
        return Tasks.recurring(SWEEP, FixedDelay.of(every)).execute((instance, context) -> dispatcher.getObject().sweep());
    }

    /** Hands every due run that this node is not advancing yet to its advancing threads; returns how many. */
    int sweep() {
        int handed = 0;
        for (String runId : runs.due(Sql.now(clock), SWEEP_BATCH)) {
            if (queued.contains(runId)) continue;
            dispatch(runId, null);
            handed++;
        }
        if (handed > 0) log.debug("Sweep: {} due playbook runs to advance", handed);
        return handed;
    }

    /** Advances the run on a virtual thread of this node once the current transaction (if any) has committed. */
    void advanceSoon(String runId) {
        afterCommit(() -> dispatch(runId, null));
    }

    /** The lease owner to store a new run with, so that {@link #advanceStarted} need not claim it. */
    String node() {
        return engine.node();
    }

    /**
     * As {@link #advanceSoon} for a run just inserted by the current transaction, leased to {@link #node()}, at
     * version 0 with no step log: it is advanced as it is in memory, without claiming it or reading it back.
     */
    void advanceStarted(RunRepository.Stored started) {
        afterCommit(() -> dispatch(started.run().id(), started));
    }

    private void dispatch(String runId, RunRepository.Stored started) {
        queued.add(runId);
        boolean submitted = submit(() -> {
            advancing.acquireUninterruptibly();
            try {
                if (started == null) engine.advance(runId);
                else engine.advanceStarted(started);
            } finally {
                advancing.release();
                queued.remove(runId);
            }
        });
        if (!submitted) queued.remove(runId);
    }

    /** Runs {@code work} on a virtual thread (e.g. rule triggers, after the change that fired them committed). */
    boolean submit(Runnable work) {
        try {
            now.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Background playbook work failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            log.debug("Shutting down; the sweep of a running node will do this work");
            return false;
        }
    }

    private void renew() {
        try {
            engine.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not renew playbook run leases: {}", e.toString());
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        heartbeat.shutdownNow();
        now.shutdown();
        if (!now.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) now.shutdownNow();
    }
}
