package riposte.server.console.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import riposte.server.console.Pager;
import riposte.server.indicator.IndicatorService;
import riposte.server.indicator.IndicatorView;
import riposte.server.report.ReportService;
import riposte.server.report.ReportView;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /console/reports}: the list, a report's page, and its HTML body for the page's sandboxed frame. */
@Controller
@RequestMapping("/console/reports")
class ReportConsoleController {
    /**
     * The report body's policy: nothing may run or be fetched (a sandbox without scripts, no sources but inline
     * styles and data: images), and only the console itself may frame it.
     */
    static final String BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    private final ReportService reports;
    private final IndicatorService indicators;
    private final ServerSettings settings;

    ReportConsoleController(ReportService reports, IndicatorService indicators, ServerSettings settings) {
        this.reports = reports;
        this.indicators = indicators;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        PageResponse<ReportView> result = reports.list(null, null, PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        return "console/report/list";
    }

    @GetMapping("/{id}")
    String report(@PathVariable long id, Model model) {
        ReportView report = reports.get(id);
        List<IndicatorView> about = new ArrayList<>();
        for (long indicatorId : report.indicatorIds()) {
            try {
                about.add(indicators.get(indicatorId));
            } catch (NotFoundException deleted) {
                // the association outlived nothing: indicators cascade; a concurrent delete is simply not listed
            }
        }
        model.addAttribute("report", report);
        model.addAttribute("indicators", about);
        return "console/report/page";
    }

    /** The stored HTML, for the report page's {@code <iframe sandbox>} only (see {@link #BODY_CSP}). */
    @GetMapping("/{id}/body")
    @ResponseBody
    byte[] body(@PathVariable long id, HttpServletResponse response) {
        String html = reports.body(id, "html");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", BODY_CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
