package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import riposte.server.console.Htmx;
import riposte.server.datatable.DefinitionService;
import riposte.server.datatable.DefinitionView;
import riposte.server.incident.IncidentService;

/**
 * {@code /console/incidents/{id}/tables/{table}}: one data table of an incident, paged, sorted and filtered on the
 * server. htmx swaps the table's section for each click; the section polls the same URL with {@code since} (the
 * stamp it was drawn at) and the server answers 204 — nothing to swap — unless a row was added, changed or deleted,
 * so new rows appear without a page reload at the cost of one indexed aggregate per poll.
 */
@Controller
@RequestMapping("/console/incidents/{id}/tables/{table}")
class DataTableController {
    private final IncidentService incidents;
    private final DefinitionService definitions;
    private final TableRenderer tables;

    DataTableController(IncidentService incidents, DefinitionService definitions, TableRenderer tables) {
        this.incidents = incidents;
        this.definitions = definitions;
        this.tables = tables;
    }

    /**
     * @param filter active filters, {@code column:op:value} (repeatable)
     * @param column the column of a filter being added, with {@code op} and {@code value} (from the filter form)
     */
    @GetMapping
    ModelAndView table(@PathVariable long id, @PathVariable String table, @RequestParam(required = false) String sort,
            @RequestParam(required = false) List<String> filter, @RequestParam(required = false) String column,
            @RequestParam(required = false) String op, @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String since,
            HttpServletRequest request, Model model) {
        var incident = incidents.get(id);
        DefinitionView definition = definitions.get(table);
        if (since != null && since.equals(tables.stamp(id, definition))) {
            var unchanged = new ModelAndView((View) (m, req, res) -> res.setStatus(HttpStatus.NO_CONTENT.value()));
            unchanged.setStatus(HttpStatus.NO_CONTENT);
            return unchanged;
        }
        var filters = new ArrayList<String>(filter == null ? List.of() : filter);
        if (column != null && !column.isBlank() && value != null && !value.isBlank()) {
            filters.add(column + ":" + (op == null || op.isBlank() ? "eq" : op) + ":" + value.strip());
        }
        model.addAttribute("incident", incident);
        model.addAttribute("t", tables.render(id, definition, IncidentListController.blankToNull(sort), filters, page));
        return new ModelAndView(Htmx.view(request, "console/incident/table", "table"), model.asMap());
    }
}
