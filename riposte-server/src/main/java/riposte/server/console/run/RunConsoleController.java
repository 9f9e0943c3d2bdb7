package riposte.server.console.run;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.Htmx;
import riposte.server.console.Pager;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.RunFilter;
import riposte.server.playbook.RunView;
import riposte.server.system.Actor;
import riposte.server.system.ConflictException;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;
import riposte.server.system.VersionConflictException;

/**
 * {@code /console/runs}: the run list, a run's page (live while it runs), cancelling, approving and rejecting. Who may
 * do what is the playbook service's rule (analysts cancel their kind of run, responders decide approvals); a refusal
 * comes back as a message on the run's page.
 */
@Controller
@RequestMapping("/console/runs")
class RunConsoleController {
    private final PlaybookService playbooks;
    private final ServerSettings settings;
    private final Actor actor;

    RunConsoleController(PlaybookService playbooks, ServerSettings settings, Actor actor) {
        this.playbooks = playbooks;
        this.settings = settings;
        this.actor = actor;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String playbook,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        String s = state == null || state.isBlank() ? null : state;
        String p = playbook == null || playbook.isBlank() ? null : playbook;
        PageResponse<RunView> result = playbooks.runs(new RunFilter(null, null, null, p, s),
                PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("states", RunForms.STATES);
        model.addAttribute("playbooks", playbooks.list().stream().filter(v -> v.valid()).toList());
        model.addAttribute("state", s);
        model.addAttribute("playbook", p);
        return Htmx.view(request, "console/run/list", "results");
    }

    @GetMapping("/{runId}")
    String run(@PathVariable String runId, HttpServletRequest request, Model model) {
        model.addAttribute("run", playbooks.run(runId));
        return Htmx.view(request, "console/run/page", "detail");
    }

    @PostMapping("/{runId}/cancel")
    String cancel(@PathVariable String runId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            playbooks.cancel(runId, actor, reason.isBlank() ? "cancelled in the console" : reason.strip());
            redirect.addFlashAttribute("flash", "Run cancelled.");
        } catch (AccessDeniedException | InvalidFieldException | ConflictException | VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not cancelled: " + e.getMessage());
        }
        return "redirect:/console/runs/" + runId;
    }

    @PostMapping("/{runId}/decide")
    String decide(@PathVariable String runId, @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "false") boolean approve, @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        try {
            playbooks.decide(runId, step, approve, comment.isBlank() ? null : comment.strip(), actor);
            redirect.addFlashAttribute("flash", approve ? "Approved: the run goes on." : "Rejected: the run stops.");
        } catch (AccessDeniedException | InvalidFieldException | ConflictException | VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not decided: " + e.getMessage());
        }
        return "redirect:/console/runs/" + runId;
    }
}
