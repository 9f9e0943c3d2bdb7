package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
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
import riposte.server.artifact.ArtifactService;
import riposte.server.console.FormCheck;
import riposte.server.console.run.RunForms;
import riposte.server.datatable.RowService;
import riposte.server.incident.IncidentService;
import riposte.server.playbook.ApplicablePlaybook;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.PlaybookView;
import riposte.server.playbook.RunView;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;

/**
 * Running playbooks from an incident page. {@code GET .../actions} lists, for one artifact, data-table row or the
 * incident itself, the playbooks whose activation condition holds (each with the state of its latest run there);
 * {@code GET .../actions/{playbook}} is the form asking for the playbook's inputs; {@code POST .../runs} starts the
 * run and {@code GET .../runs/{run}} shows its state, polled by the page until it ends. The object must belong to
 * the incident in the URL (else 404); who may start what (destructive playbooks: responders) is the playbook
 * service's rule, the same as the API's.
 */
@Controller
@RequestMapping("/console/incidents/{id}")
class ActionController {
    private final PlaybookService playbooks;
    private final IncidentService incidents;
    private final ArtifactService artifacts;
    private final RowService rows;
    private final Actor actor;

    ActionController(PlaybookService playbooks, IncidentService incidents, ArtifactService artifacts, RowService rows,
            Actor actor) {
        this.playbooks = playbooks;
        this.incidents = incidents;
        this.artifacts = artifacts;
        this.rows = rows;
        this.actor = actor;
    }

    /** The object the menu is for: what the menu, the form and the run carry. */
    record Target(long incidentId, String kind, String table, long objectId) {}

    @GetMapping("/actions")
    String items(@PathVariable long id, @RequestParam String kind, @RequestParam(required = false) String table,
            @RequestParam long object, Model model) {
        Target target = new Target(id, kind, table, object);
        List<ApplicablePlaybook> applicable = playbooks.forObject(ref(target)).stream()
                .filter(ApplicablePlaybook::applicable).toList();
        model.addAttribute("target", target);
        model.addAttribute("items", applicable);
        return "console/incident/actions :: items";
    }

    @GetMapping("/actions/{playbookId}")
    String form(@PathVariable long id, @PathVariable String playbookId, @RequestParam String kind,
            @RequestParam(required = false) String table, @RequestParam long object, Model model) {
        Target target = new Target(id, kind, table, object);
        ref(target);
        model.addAttribute("target", target);
        model.addAttribute("playbook", playbooks.get(playbookId));
        model.addAttribute("values", Map.of());
        return "console/incident/actions :: form";
    }

    /** Starts the run; input fields are named {@code input.<name>}, and a blank one counts as not given. */
    @PostMapping("/runs")
    String start(@PathVariable long id, @RequestParam String playbook, @RequestParam String kind,
            @RequestParam(required = false) String table, @RequestParam long object, HttpServletRequest request,
            Model model) {
        Target target = new Target(id, kind, table, object);
        ObjectRef ref = ref(target);
        Map<String, Object> inputs = RunForms.inputs(request);
        try {
            model.addAttribute("run", playbooks.start(playbook, ref, inputs, actor));
            model.addAttribute("incident", incidents.get(id));
            return "console/incident/actions :: status";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", FormCheck.lines(e));
        } catch (AccessDeniedException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        PlaybookView view = playbooks.get(playbook);
        model.addAttribute("target", target);
        model.addAttribute("playbook", view);
        model.addAttribute("values", inputs);
        return "console/incident/actions :: form";
    }

    @GetMapping("/runs/{runId}")
    String status(@PathVariable long id, @PathVariable String runId, Model model) {
        RunView run = playbooks.run(runId);
        model.addAttribute("run", run);
        model.addAttribute("incident", incidents.get(id));
        return "console/incident/actions :: status";
    }

    /** The object as a playbook reference, after checking that it belongs to the incident. */
    private ObjectRef ref(Target t) {
        ObjectKind kind = ObjectKind.fromName(t.kind()).orElseThrow(() -> new InvalidFieldException("kind",
                "'" + t.kind() + "' is not accepted: expected artifact, row or incident"));
        switch (kind) {
            case ARTIFACT -> artifacts.get(t.incidentId(), t.objectId());
            case ROW -> {
                if (t.table() == null || t.table().isBlank()) {
                    throw new InvalidFieldException("table", "is required for a row: the data-table name");
                }
                rows.get(t.incidentId(), t.table(), t.objectId());
            }
            case INCIDENT -> {
                if (t.objectId() != t.incidentId()) throw new NotFoundException("incident", t.objectId());
                incidents.get(t.incidentId());
            }
            default -> throw new InvalidFieldException("kind", "'" + t.kind()
                    + "' is not accepted: expected artifact, row or incident");
        }
        return new ObjectRef(kind, kind == ObjectKind.ROW ? t.table() : null, Long.toString(t.objectId()));
    }
}
