package riposte.server.playbook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gets runs advanced: at once on a virtual thread of this node, and durably through db-scheduler. Every unfinished
 * run that is not simply waiting for a person has a {@code playbook-run} task instance (its id is the run id) due
 * when the run must be looked at next: its wake time, or, just after a start, approval or cancel, a short safety
 * delay — if this node dies before its immediate advance, any node picks the instance up then. db-scheduler runs one
 * instance on one node at a time and revives the instances of dead nodes; the run's lease ({@link DurableEngine})
 * keeps the immediate advance and the scheduled one from overlapping.
 */
@Component
class RunDispatcher {
    static final String TASK = "playbook-run";
    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);

    private final DurableEngine engine;
    private final SchedulerClient scheduler;
    private final RunRepository runs;
    private final PlaybookSettings settings;
    private final Clock clock;
    private final ExecutorService now = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeat;
    private final Semaphore advancing;

    RunDispatcher(DurableEngine engine, SchedulerClient scheduler, RunRepository runs, PlaybookSettings settings,
            Clock clock) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.runs = runs;
        this.settings = settings;
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

    /** The db-scheduler task that advances one run; its instance id is the run id. */
    static CustomTask<Void> task(DurableEngine engine) {
        return Tasks.custom(TASK, Void.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> completion(engine.advance(instance.getId())));
    }

    private static CompletionHandler<Void> completion(DurableEngine.Outcome outcome) {
        Instant next = nextCheck(outcome);
        if (next == null) return (complete, ops) -> ops.remove();
        return (complete, ops) -> ops.reschedule(complete, next);
    }

    /** When the run must be looked at again, or null when nothing will happen without a person (or ever). */
    private static Instant nextCheck(DurableEngine.Outcome outcome) {
        return switch (outcome) {
            case DurableEngine.Outcome.Settled s -> s.run().state().terminal() ? null : s.run().wakeAt();
            case DurableEngine.Outcome.Busy b -> b.retryAt();
            case DurableEngine.Outcome.Gone g -> null;
        };
    }

    /**
     * Makes sure the run's task instance is due no later than the safety delay from now. Call inside the
     * transaction that creates or changes the run, so that both commit together.
     */
    void safetyNet(String runId) {
        Instant at = clock.instant().plus(settings.safetyNet());
        var instance = new TaskInstance<Void>(TASK, runId);
        if (!scheduler.scheduleIfNotExists(instance, at)) {
            try {
                scheduler.reschedule(instance, at);
            } catch (RuntimeException e) {
                log.debug("Run {} is being executed by the scheduler; its schedule stays", runId);
            }
        }
    }

    /** Advances the run on a virtual thread of this node once the current transaction (if any) has committed. */
    void advanceSoon(String runId) {
        afterCommit(() -> submit(() -> {
            advancing.acquireUninterruptibly();
            try {
                settle(runId, engine.advance(runId));
            } finally {
                advancing.release();
            }
        }));
    }

    /** Runs {@code work} on a virtual thread (e.g. rule triggers, after the change that fired them committed). */
    void submit(Runnable work) {
        try {
            now.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Background playbook work failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Shutting down; the durable schedule will do this work");
        }
    }

    /** Cancels the run's task instance (the run ended outside the scheduler, e.g. cancelled). */
    void forget(String runId) {
        try {
            scheduler.cancel(new TaskInstance<Void>(TASK, runId));
        } catch (RuntimeException e) {
            log.debug("Run {} has no schedule to cancel or is executing: {}", runId, e.getMessage());
        }
    }

    private void settle(String runId, DurableEngine.Outcome outcome) {
        if (outcome instanceof DurableEngine.Outcome.Busy) return; // its holder settles the schedule
        Instant next = nextCheck(outcome);
        var instance = new TaskInstance<Void>(TASK, runId);
        try {
            if (next == null) {
                scheduler.cancel(instance);
            } else if (!scheduler.reschedule(instance, next)) {
                scheduler.scheduleIfNotExists(instance, next);
            }
        } catch (RuntimeException e) {
            // Executing on another thread or node (it will set the schedule itself), or already removed.
            log.debug("Schedule of run {} left as it is: {}", runId, e.getMessage());
        }
    }

    /** After a restart: every unfinished run gets a task instance if it lost it (e.g. removed while cancelling). */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        int scheduled = 0;
        for (String id : runs.unfinished()) {
            if (scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, id), clock.instant())) scheduled++;
        }
        if (scheduled > 0) log.info("Scheduled {} unfinished playbook runs that had no pending check", scheduled);
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
