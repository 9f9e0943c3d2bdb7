package riposte.server.console.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import riposte.server.console.run.RunForms;
import riposte.server.incident.IncidentFilter;
import riposte.server.incident.IncidentService;
import riposte.server.indicator.IndicatorSearch;
import riposte.server.indicator.IndicatorService;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.RunFilter;
import riposte.server.system.PageQuery;

/**
 * The start page, at {@code /} (where login lands) and {@code /console}: what needs attention — runs waiting for an
 * approval, failed runs, the newest incidents, malicious indicators — and the last two weeks as a chart.
 */
@Controller
class HomeController {
    static final int DAYS = 14;
    private final IncidentService incidents;
    private final IndicatorService indicators;
    private final PlaybookService playbooks;
    private final ActivityRepository activity;
    private final Clock clock;

    HomeController(IncidentService incidents, IndicatorService indicators, PlaybookService playbooks,
            ActivityRepository activity, Clock clock) {
        this.incidents = incidents;
        this.indicators = indicators;
        this.playbooks = playbooks;
        this.activity = activity;
        this.clock = clock;
    }

    @GetMapping({"/", "/console"})
    String home(Model model) {
        model.addAttribute("incidents", incidents.list(IncidentFilter.ALL, "-createdAt", new PageQuery(0, 8)));
        model.addAttribute("malicious", indicators.search(new IndicatorSearch(null, null, "MALICIOUS", null, null, null),
                "-updatedAt", new PageQuery(0, 8)));
        // runs waiting for an approval (not those waiting for a poll or a retry), and the latest failures
        model.addAttribute("waiting", playbooks.runs(new RunFilter(null, null, null, null, "WAITING"),
                new PageQuery(0, 50)).items().stream().filter(r -> RunForms.approvalStep(r).isPresent()).limit(8)
                .toList());
        model.addAttribute("failed", playbooks.runs(new RunFilter(null, null, null, null, "FAILED"),
                new PageQuery(0, 8)));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<LocalDate> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) days.add(today.minusDays(i));
        var since = days.getFirst().atStartOfDay(ZoneOffset.UTC).toInstant();
        model.addAttribute("chart", ActivityChart.of(days, activity.incidentsPerDay(since),
                activity.indicatorsPerDayAndVerdict(since)));
        return "console/home/index";
    }
}
