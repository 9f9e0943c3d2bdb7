package riposte.server.playbook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import riposte.core.playbook.ExpressionException;
import riposte.core.playbook.InputValues;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.Trigger;
import riposte.core.playbook.TriggerSpec;
import riposte.server.system.Actor;

/**
 * Schedule triggers: each {@code schedule} of a playbook is a db-scheduler task instance
 * ({@code playbook-schedule}, instance {@code <playbook id>#<n>}) due at the cron's next time, so one node fires it
 * even when several share the database. Firing starts a run, by {@code system}, on every object of the playbook's
 * kind that it applies to (at most {@code riposte.playbooks.schedule-max-objects}), then moves the instance to the
 * cron's next time. An instance whose playbook or schedule is gone removes itself.
 */
@Component
class ScheduleTriggers {
    static final String TASK = "playbook-schedule";
    private static final Logger log = LoggerFactory.getLogger(ScheduleTriggers.class);

    private final PlaybookLibrary library;
    private final PlaybookSubjects subjects;
    private final PlaybookService service;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final PlaybookSettings settings;
    private final Clock clock;

    ScheduleTriggers(PlaybookLibrary library, PlaybookSubjects subjects, PlaybookService service,
            ObjectProvider<SchedulerClient> scheduler, PlaybookSettings settings, Clock clock) {
        this.library = library;
        this.subjects = subjects;
        this.service = service;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** The db-scheduler task; {@code triggers} is looked up lazily because the task is created before it. */
    static CustomTask<Void> task(ObjectProvider<ScheduleTriggers> triggers) {
        return Tasks.custom(TASK, Void.class).onDeadExecutionRevive()
                .execute((instance, context) -> triggers.getObject().fire(instance.getId()));
    }

    PlaybookLibrary library() {
        return library;
    }

    /** Makes sure every schedule of every playbook has its task instance. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (!settings.schedulesEnabled()) return;
        for (PlaybookDefinition d : library.all()) {
            List<TriggerSpec> triggers = d.triggers();
            for (int i = 0; i < triggers.size(); i++) {
                if (triggers.get(i) instanceof TriggerSpec.Schedule s) {
                    Instant next = Schedules.cron(s.cron()).getInitialExecutionTime(clock.instant());
                    scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, d.id() + "#" + i), next);
                }
            }
        }
    }

    CompletionHandler<Void> fire(String instanceId) {
        int hash = instanceId.lastIndexOf('#');
        String playbookId = hash < 0 ? instanceId : instanceId.substring(0, hash);
        int index = hash < 0 ? -1 : Integer.parseInt(instanceId.substring(hash + 1));
        Optional<PlaybookDefinition> found = library.find(playbookId);
        if (found.isEmpty() || index < 0 || index >= found.get().triggers().size()
                || !(found.get().triggers().get(index) instanceof TriggerSpec.Schedule schedule)) {
            log.info("Schedule {} no longer exists; removed", instanceId);
            return (complete, ops) -> ops.remove();
        }
        if (settings.schedulesEnabled()) run(found.get(), schedule);
        Instant next = Schedules.cron(schedule.cron()).getInitialExecutionTime(clock.instant());
        return (complete, ops) -> ops.reschedule(complete, next);
    }

    /** Starts the playbook on every object it applies to now; returns how many runs were started. */
    int run(PlaybookDefinition d, TriggerSpec.Schedule schedule) {
        Map<String, Object> inputs;
        try {
            inputs = InputValues.resolve(d, Map.of());
        } catch (IllegalArgumentException e) {
            log.warn("Scheduled playbook {} not started: {}", d.id(), e.getMessage());
            return 0;
        }
        int max = settings.scheduleMaxObjects();
        List<ObjectRef> objects = subjects.all(d.target().kind(), d.target().table(), max + 1);
        if (objects.size() > max) {
            log.warn("Scheduled playbook {} applies to more than {} objects; only the first {} are run on", d.id(), max,
                    max);
        }
        int started = 0;
        Trigger trigger = new Trigger(Trigger.Kind.SCHEDULE, Actor.SYSTEM, "schedule '" + schedule.cron() + "'");
        for (ObjectRef ref : objects.subList(0, Math.min(max, objects.size()))) {
            PlaybookSubject subject = subjects.load(ref).orElse(null);
            try {
                if (subject == null || !library.catalog().isApplicable(d, subject)) continue;
            } catch (ExpressionException e) {
                continue;
            }
            service.start(d, subject, inputs, trigger);
            started++;
        }
        log.info("Schedule '{}' of playbook {} started {} runs", schedule.cron(), d.id(), started);
        return started;
    }
}
