package riposte.server.console.settings;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.core.allowlist.AllowListEntry;
import riposte.server.allowlist.AllowListService;
import riposte.server.console.Pager;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.ServerSettings;

/**
 * {@code /console/settings/allowlist}: the allow-list tab: entries with a filter and a "check a value" box for
 * analysts and above (as {@code GET /api/v1/allowlist} allows), and for admins adding by paste (good lines stored,
 * bad lines listed with their number and why) and deleting. Changes go through {@link AllowListService}, so they are validated and audited as over the REST API.
 */
@Controller
@RequestMapping("/console/settings/allowlist")
class AllowListSettingsController {
    private final AllowListService allowList;
    private final ServerSettings settings;
    private final Actor actor;

    AllowListSettingsController(AllowListService allowList, ServerSettings settings, Actor actor) {
        this.allowList = allowList;
        this.settings = settings;
        this.actor = actor;
    }

    @GetMapping
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kinds", Arrays.stream(AllowListEntry.Kind.values()).map(AllowListEntry.Kind::id).toList());
        model.addAttribute("tab", "allowlist");
        try {
            var result = allowList.list(kind, q, PageQuery.of(page, null, settings));
            model.addAttribute("result", result);
            model.addAttribute("pager", Pager.of(result, request));
        } catch (InvalidFieldException e) {
            model.addAttribute("result", null);
            model.addAttribute("filterErrors", e.problems());
        }
        return "console/settings/allowlist";
    }

    /** Adds the pasted lines; answers the page with what was added and the refused lines. */
    @PostMapping
    String add(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request, Model model) {
        var pasted = allowList.addLines(actor.current(), text, reason.isBlank() ? null : reason.strip());
        model.addAttribute("pasted", pasted);
        // what was refused stays in the box, to be fixed and sent again
        model.addAttribute("pastedText", String.join("\n", pasted.problems().stream()
                .filter(p -> !p.text().isEmpty()).map(AllowListService.LineProblem::text).toList()));
        model.addAttribute("pastedReason", reason);
        return list(null, null, null, request, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        var entry = allowList.get(id);
        allowList.delete(actor.current(), id);
        redirect.addFlashAttribute("flash", "Removed " + entry.value() + " from the allow-list.");
        return "redirect:/console/settings/allowlist";
    }

    /** Whether a value is allow-listed, and by which entry; shown above the list. */
    @GetMapping("/check")
    String check(@RequestParam(defaultValue = "") String value, HttpServletRequest request, Model model) {
        model.addAttribute("checkedValue", value);
        try {
            model.addAttribute("checked", allowList.check(value.isBlank() ? null : value.strip()));
        } catch (InvalidFieldException e) {
            model.addAttribute("checkError", e.problems().getFirst().message());
        }
        return list(null, null, null, request, model);
    }
}
