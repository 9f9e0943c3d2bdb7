package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.FormCheck;
import riposte.server.console.Htmx;
import riposte.server.incident.IncidentCreate;
import riposte.server.incident.IncidentFilter;
import riposte.server.incident.IncidentService;
import riposte.server.incident.IncidentStatus;
import riposte.server.incident.IncidentView;
import riposte.server.incident.Severity;
import riposte.server.system.Actor;
import riposte.server.system.Choices;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;

/**
 * {@code /console/incidents}: the incident list (filters by status, severity, owner and text; server-side paging and
 * sorting; htmx swaps only the results when a filter changes) and the form that creates an incident.
 */
@Controller
@RequestMapping("/console/incidents")
class IncidentListController {
    static final int PAGE_SIZE = 25;
    private final IncidentService incidents;
    private final Actor actor;
    private final FormCheck forms;

    IncidentListController(IncidentService incidents, Actor actor, FormCheck forms) {
        this.incidents = incidents;
        this.actor = actor;
        this.forms = forms;
    }

    /** The query as the page shows it back, and the paging and sorting links that keep it. */
    record ListQuery(String status, String severity, String owner, String q, String sort, int page) {
        static final java.util.List<String> COLUMNS = java.util.List.of("id", "name", "severity", "status", "owner",
                "createdAt");

        public List<String> columns() {
            return COLUMNS;
        }

        String url(String sortValue, int pageNumber) {
            var url = new Query("/console/incidents").add("q", q).add("status", status).add("severity", severity)
                    .add("owner", owner).add("sort", sortValue);
            return (pageNumber > 0 ? url.add("page", Integer.toString(pageNumber)) : url).toString();
        }

        public String sortUrl(String column) {
            return url(column.equals(sort) ? "-" + column : column, 0);
        }

        public String pageUrl(int pageNumber) {
            return url(sort, pageNumber);
        }

        public String ariaSort(String column) {
            return column.equals(sort) ? "ascending" : ("-" + column).equals(sort) ? "descending" : "none";
        }

        public String label(String column) {
            return column.equals("createdAt") ? "Created" : Character.toUpperCase(column.charAt(0)) + column.substring(1);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        var query = new ListQuery(blankToNull(status), blankToNull(severity), blankToNull(owner), blankToNull(q),
                blankToNull(sort), Math.max(page, 0));
        model.addAttribute("query", query);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", Severity.values());
        try {
            var filter = new IncidentFilter(Choices.parse(IncidentStatus.class, "status", query.status()),
                    Choices.parse(Severity.class, "severity", query.severity()), query.owner(), query.q());
            PageResponse<IncidentView> result = incidents.list(filter, query.sort(),
                    new PageQuery(query.page(), PAGE_SIZE));
            model.addAttribute("result", result);
        } catch (InvalidFieldException e) {
            model.addAttribute("result", new PageResponse<IncidentView>(List.of(), 0, PAGE_SIZE, 0, 0));
            model.addAttribute("queryError", e.getMessage());
        }
        return Htmx.view(request, "console/incident/list", "results");
    }

    /** Creates an incident and opens it; a bad field comes back to the list with the message. */
    @PostMapping
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
            @RequestParam(required = false) String type, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String owner, RedirectAttributes redirect) {
        try {
            IncidentView created = incidents.create(actor.current(), forms.valid(new IncidentCreate(name,
                    blankToNull(description), blankToNull(type), blankToNull(severity), null, blankToNull(owner))));
            redirect.addFlashAttribute("flash", "Incident " + created.id() + " created.");
            return "redirect:/console/incidents/" + created.id();
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not created: " + String.join("; ", FormCheck.lines(e)));
            return "redirect:/console/incidents";
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
