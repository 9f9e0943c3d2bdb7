package riposte.server.console.run;

import org.springframework.stereotype.Component;
import riposte.server.playbook.RunView;

/** {@link RunForms} for templates, as {@code ${@runs.report(run)}}. */
@Component("runs")
public class RunLinks {

    /** The produced report's id, or null. */
    public Long report(RunView run) {
        return RunForms.reportId(run).orElse(null);
    }

    /** What the waiting approval will touch (its message), or null. */
    public String approvalMessage(RunView run) {
        return RunForms.approvalMessage(run).orElse(null);
    }

    /** The step an approval waits for, or null. */
    public String approvalStep(RunView run) {
        return RunForms.approvalStep(run).orElse(null);
    }

    /** The object's console page, or null. */
    public String objectLink(RunView run) {
        return RunForms.objectLink(run.object());
    }
}
