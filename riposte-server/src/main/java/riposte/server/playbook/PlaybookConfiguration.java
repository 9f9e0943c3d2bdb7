package riposte.server.playbook;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import riposte.core.playbook.Expressions;

/** The CEL environment and the db-scheduler tasks of durable runs: the sweep and the schedule triggers. */
@Configuration(proxyBeanMethods = false)
class PlaybookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Expressions playbookExpressions() {
        return new Expressions();
    }

    @Bean
    RecurringTask<Void> playbookSweepTask(PlaybookSettings settings, ObjectProvider<RunDispatcher> dispatcher) {
        return RunDispatcher.sweepTask(settings.sweepInterval(), dispatcher);
    }

    @Bean
    CustomTask<Void> playbookScheduleTask(ObjectProvider<ScheduleTriggers> triggers) {
        return ScheduleTriggers.task(triggers);
    }
}
