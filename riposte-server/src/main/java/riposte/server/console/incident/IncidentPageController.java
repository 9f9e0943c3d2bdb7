package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.FormCheck;
import riposte.server.console.Htmx;
import riposte.server.incident.IncidentService;
import riposte.server.incident.IncidentUpdate;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.VersionConflictException;

/**
 * {@code /console/incidents/{id}}: the incident page with its tabs ({@code ?tab=}; htmx swaps only the
 * {@code incident} fragment when a tab is chosen) and the summary form, which saves at the version the user read:
 * if someone else saved in between, nothing is written and the page says so, showing their version.
 */
@Controller
@RequestMapping("/console/incidents/{id}")
class IncidentPageController {
    private final IncidentPage page;
    private final IncidentService incidents;
    private final Actor actor;
    private final FormCheck forms;

    IncidentPageController(IncidentPage page, IncidentService incidents, Actor actor, FormCheck forms) {
        this.page = page;
        this.incidents = incidents;
        this.actor = actor;
        this.forms = forms;
    }

    @GetMapping
    String show(@PathVariable long id, @RequestParam(required = false) String tab,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        this.page.fill(model, id, tab, page);
        return Htmx.view(request, IncidentPage.TEMPLATE, IncidentPage.FRAGMENT);
    }

    /** Saves the summary form. */
    @PostMapping
    String update(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) String type,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner, @RequestParam(required = false) Long version,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String error = null;
        try {
            if (version == null) throw new InvalidFieldException("version", "is required: reload the page");
            incidents.update(actor.current(), id, forms.valid(new IncidentUpdate(name, description, type, severity,
                    status, owner, version)));
        } catch (VersionConflictException e) {
            error = "Not saved: someone else changed this incident since you opened it. Their version is shown; "
                    + "make your change again.";
        } catch (InvalidFieldException e) {
            error = "Not saved: " + String.join("; ", FormCheck.lines(e));
        }
        return page.respond(request, model, redirect, id, IncidentTabs.SUMMARY, error, "Saved.");
    }
}
