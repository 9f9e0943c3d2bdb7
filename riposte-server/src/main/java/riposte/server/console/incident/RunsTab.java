package riposte.server.console.incident;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import riposte.server.system.PageQuery;

/** The "Playbook runs" tab: runs on the incident, its artifacts and its rows. */
@Component
class RunsTab {

    /** Puts {@code runs} (null until the server runs playbooks) into the model. */
    void fill(Model model, long incidentId, PageQuery page) {
        model.addAttribute("runs", null);
    }
}
