package riposte.server.console.indicator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.server.console.run.RunForms;
import riposte.server.indicator.IndicatorService;
import riposte.server.playbook.ApplicablePlaybook;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.PlaybookView;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;

/**
 * An indicator's "Playbook actions" (as in the seed's ThreatConnect screenshots: Run, Name, Status): the playbooks
 * whose activation condition holds for it, each with its latest run's state. Run starts one at once, or first asks
 * for its inputs; the table then polls itself while a run is unfinished, and when one ends it tells the page
 * ({@code HX-Trigger: run-finished}) so that the attributes and reports reload.
 */
@Controller
@RequestMapping("/console/indicators/{id}")
class IndicatorActionsController {
    private final PlaybookService playbooks;
    private final IndicatorService indicators;
    private final Actor actor;

    IndicatorActionsController(PlaybookService playbooks, IndicatorService indicators, Actor actor) {
        this.playbooks = playbooks;
        this.indicators = indicators;
        this.actor = actor;
    }

    static ObjectRef ref(long indicatorId) {
        return new ObjectRef(ObjectKind.INDICATOR, null, Long.toString(indicatorId));
    }

    /** The applicable playbooks with their latest runs, for the page and for the table's own polling. */
    static List<ApplicablePlaybook> actions(PlaybookService playbooks, long indicatorId) {
        return playbooks.forObject(ref(indicatorId)).stream().filter(ApplicablePlaybook::applicable).toList();
    }

    static boolean anyRunning(List<ApplicablePlaybook> actions) {
        return actions.stream().anyMatch(a -> a.latestRun() != null && !a.latestRun().terminal());
    }

    /** The table; {@code poll=true} when the table asks again because a run was unfinished. */
    @GetMapping("/actions")
    String table(@PathVariable long id, @RequestParam(defaultValue = "false") boolean poll, Model model,
            HttpServletResponse response) {
        indicators.get(id);
        var actions = actions(playbooks, id);
        if (poll && !anyRunning(actions)) response.setHeader("HX-Trigger", "run-finished");
        model.addAttribute("indicatorId", id);
        model.addAttribute("actions", actions);
        model.addAttribute("running", anyRunning(actions));
        return "console/indicator/actions :: actions";
    }

    /** The input form of a playbook, below the table. */
    @GetMapping("/actions/{playbookId}")
    String form(@PathVariable long id, @PathVariable String playbookId, Model model) {
        indicators.get(id);
        model.addAttribute("indicatorId", id);
        model.addAttribute("playbook", playbooks.get(playbookId));
        model.addAttribute("values", Map.of());
        return "console/indicator/actions :: run-form";
    }

    /** Starts a run; answers the table (now polling), or the form again with what was wrong. */
    @PostMapping("/runs")
    String start(@PathVariable long id, @RequestParam String playbook, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        indicators.get(id);
        var inputs = RunForms.inputs(request);
        model.addAttribute("indicatorId", id);
        try {
            playbooks.start(playbook, ref(id), inputs, actor);
            var actions = actions(playbooks, id);
            model.addAttribute("actions", actions);
            model.addAttribute("running", anyRunning(actions));
            response.setHeader("HX-Retarget", "#actions");
            response.setHeader("HX-Reswap", "outerHTML");
            return "console/indicator/actions :: actions";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
        } catch (AccessDeniedException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        PlaybookView view = playbooks.get(playbook);
        model.addAttribute("playbook", view);
        model.addAttribute("values", inputs);
        response.setHeader("HX-Retarget", "#run-form-slot");
        response.setHeader("HX-Reswap", "innerHTML");
        return "console/indicator/actions :: run-form";
    }
}
