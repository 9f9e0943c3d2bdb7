package riposte.server.console.indicator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.IndicatorType;
import riposte.server.console.Htmx;
import riposte.server.console.Pager;
import riposte.server.indicator.AttributeService;
import riposte.server.indicator.IndicatorSearch;
import riposte.server.indicator.IndicatorService;
import riposte.server.indicator.IndicatorView;
import riposte.server.indicator.Indicators;
import riposte.server.playbook.PlaybookService;
import riposte.server.report.ReportService;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /console/indicators}: the list (search, filters, paging), adding by paste, and the indicator page. */
@Controller
@RequestMapping("/console/indicators")
class IndicatorConsoleController {
    private final IndicatorService indicators;
    private final AttributeService attributes;
    private final ReportService reports;
    private final IndicatorPaste paste;
    private final Indicators associations;
    private final PlaybookService playbooks;
    private final ServerSettings settings;
    private final Actor actor;

    IndicatorConsoleController(IndicatorService indicators, AttributeService attributes, ReportService reports,
            IndicatorPaste paste, Indicators associations, PlaybookService playbooks, ServerSettings settings,
            Actor actor) {
        this.indicators = indicators;
        this.attributes = attributes;
        this.reports = reports;
        this.paste = paste;
        this.associations = associations;
        this.playbooks = playbooks;
        this.settings = settings;
        this.actor = actor;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", Arrays.stream(IndicatorType.values()).map(IndicatorType::id).toList());
        model.addAttribute("verdicts", Arrays.stream(Verdict.values()).map(Enum::name).toList());
    }

    @GetMapping
    String list(@ModelAttribute("search") IndicatorSearch search, @RequestParam(required = false) Integer page,
            HttpServletRequest request, Model model) {
        model.addAttribute("attributeNames", attributes.definitions().stream().map(d -> d.name()).toList());
        try {
            PageResponse<IndicatorView> result = indicators.search(search, "-updatedAt",
                    PageQuery.of(page, settings.defaultPageSize(), settings));
            model.addAttribute("result", result);
            model.addAttribute("pager", Pager.of(result, request));
        } catch (InvalidFieldException e) {
            model.addAttribute("result", null);
            model.addAttribute("filterErrors", e.problems());
        }
        return Htmx.view(request, "console/indicator/list", "results");
    }

    /** Adds the indicators in the pasted text; answers the per-line outcome (a fragment for htmx). */
    @PostMapping
    String add(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request, Model model) {
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        model.addAttribute("paste", paste.add(actor.current(), text, tagList));
        model.addAttribute("pastedText", text);
        model.addAttribute("pastedTags", tags);
        if (Htmx.isHtmx(request)) return "console/indicator/list :: paste-result";
        var everything = new IndicatorSearch(null, null, null, null, null, null);
        model.addAttribute("search", everything);
        return list(everything, null, request, model);
    }

    @GetMapping("/{id}")
    String indicator(@PathVariable long id, Model model) {
        IndicatorView indicator = indicators.get(id);
        model.addAttribute("indicator", indicator);
        var values = attributes.list(id);
        model.addAttribute("attributes", values);
        model.addAttribute("lineage", IndicatorPictures.lineage(values));
        List<IndicatorView> related = new java.util.ArrayList<>();
        var refs = associations.associated(id);
        for (var ref : refs) {
            if (related.size() >= IndicatorPictures.MAX_RELATED) break;
            related.add(indicators.get(ref.id()));
        }
        model.addAttribute("related", related);
        model.addAttribute("relatedCount", refs.size());
        model.addAttribute("relatedGraph", IndicatorPictures.related(indicator, related));
        model.addAttribute("indicatorId", id);
        var actions = IndicatorActionsController.actions(playbooks, id);
        model.addAttribute("actions", actions);
        model.addAttribute("running", IndicatorActionsController.anyRunning(actions));
        model.addAttribute("reports", reports.list(id, null, new PageQuery(0, 50)).items());
        return "console/indicator/page";
    }
}
