package riposte.server.console.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import riposte.server.audit.AuditLog;
import riposte.server.console.Htmx;
import riposte.server.console.Pager;
import riposte.server.system.PageQuery;
import riposte.server.system.ServerSettings;

/** {@code /console/audit}: the audit log, filtered by who, what was done, and the kind and id of the object. */
@Controller
@RequestMapping("/console/audit")
class AuditConsoleController {
    private final AuditLog audit;
    private final ServerSettings settings;

    AuditConsoleController(AuditLog audit, ServerSettings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var filter = new AuditLog.Filter(blankToNull(actor), blankToNull(action), blankToNull(objectType),
                blankToNull(objectId));
        var result = audit.find(filter, PageQuery.of(page, 50, settings));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        return Htmx.view(request, "console/audit/list", "results");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
