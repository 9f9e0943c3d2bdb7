package riposte.server.console.incident;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import riposte.server.playbook.PlaybookService;
import riposte.server.system.PageQuery;

/** The "Playbook runs" tab: runs on the incident, its artifacts and its rows, newest first (one paged query). */
@Component
class RunsTab {
    private final PlaybookService playbooks;

    RunsTab(PlaybookService playbooks) {
        this.playbooks = playbooks;
    }

    void fill(Model model, long incidentId, PageQuery page) {
        model.addAttribute("runs", playbooks.runsOfIncident(incidentId, page));
    }
}
