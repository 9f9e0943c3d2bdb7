package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.core.indicator.IndicatorType;
import riposte.server.artifact.ArtifactService;
import riposte.server.attachment.AttachmentService;
import riposte.server.console.Htmx;
import riposte.server.datatable.DefinitionService;
import riposte.server.incident.IncidentService;
import riposte.server.incident.IncidentStatus;
import riposte.server.incident.IncidentView;
import riposte.server.incident.Severity;
import riposte.server.note.NoteService;
import riposte.server.system.PageQuery;

/**
 * Fills the model of an incident page for one tab: the incident, the tab list and only the active tab's content
 * (one paged query per list, so the page costs the same with 10 rows or 10 000). Used by every controller that
 * answers with the page or its {@code incident} fragment.
 */
@Component
class IncidentPage {
    static final String TEMPLATE = "console/incident/page";
    static final String FRAGMENT = "incident";
    static final int PAGE_SIZE = 25;
    private final IncidentService incidents;
    private final ArtifactService artifacts;
    private final NoteService notes;
    private final AttachmentService attachments;
    private final DefinitionService definitions;
    private final TableRenderer tables;
    private final RunsTab runs;
    private final DataSize maxUpload;

    IncidentPage(IncidentService incidents, ArtifactService artifacts, NoteService notes,
            AttachmentService attachments, DefinitionService definitions, TableRenderer tables, RunsTab runs,
            @Value("${spring.servlet.multipart.max-file-size:50MB}") DataSize maxUpload) {
        this.incidents = incidents;
        this.artifacts = artifacts;
        this.notes = notes;
        this.attachments = attachments;
        this.definitions = definitions;
        this.tables = tables;
        this.runs = runs;
        this.maxUpload = maxUpload;
    }

    /** Puts the incident and the tab {@code tabKey} (page {@code page} of its list) into the model. */
    void fill(Model model, long incidentId, String tabKey, int page) {
        IncidentView incident = incidents.get(incidentId);
        IncidentTabs tabs = IncidentTabs.of(definitions.list());
        IncidentTabs.Tab tab = tabs.find(tabKey == null ? IncidentTabs.SUMMARY : tabKey);
        var query = new PageQuery(Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("incident", incident);
        model.addAttribute("tabs", tabs.tabs());
        model.addAttribute("tab", tab);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", Severity.values());
        switch (tab.key()) {
            case IncidentTabs.SUMMARY -> { }
            case "artifacts" -> {
                model.addAttribute("artifacts", artifacts.list(incidentId, null, query));
                model.addAttribute("types", IndicatorType.values());
            }
            case "notes" -> model.addAttribute("notes", notes.list(incidentId, query));
            case "attachments" -> {
                model.addAttribute("attachments", attachments.list(incidentId, query));
                model.addAttribute("maxUploadBytes", maxUpload.toBytes());
                model.addAttribute("maxUpload", human(maxUpload));
            }
            case "runs" -> runs.fill(model, incidentId, query);
            default -> model.addAttribute("tables", tables.render(incidentId, tab.tables()));
        }
    }

    /**
     * Answers a form post: for htmx the {@code incident} fragment of the tab with the message; for a plain browser
     * post a redirect to the tab (post/redirect/get) with the message as a flash attribute.
     */
    String respond(HttpServletRequest request, Model model, RedirectAttributes redirect, long id, String tab,
            String error, String success) {
        String message = error == null ? success : error;
        if (Htmx.isHtmx(request)) {
            // "notice": shown inside the swapped fragment ("flash" is the layout's, shown after a redirect)
            fill(model, id, tab, 0);
            model.addAttribute(error == null ? "notice" : "noticeError", message);
            return TEMPLATE + " :: " + FRAGMENT;
        }
        redirect.addFlashAttribute(error == null ? "flash" : "flashError", message);
        return "redirect:" + new Query("/console/incidents/" + id).add("tab", tab);
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }
}
