package riposte.server.console.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.FormCheck;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.PlaybookSettings;
import riposte.server.settings.AutoEnrichmentSettings;
import riposte.server.settings.AutoEnrichmentUpdate;
import riposte.server.settings.AutoEnrichmentView;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.VersionConflictException;

/**
 * {@code /console/settings/enrichment}: the auto-enrichment rules as a form of checkboxes (admins), or read-only
 * (analysts), with the playbooks that have a rule trigger. Saves and resets go through {@link AutoEnrichmentSettings},
 * as the REST API's do (same validation, version check and audit). An unchecked box is off: the form names every
 * known source, indicator type and playbook, and the checked ones come back.
 */
@Controller
@RequestMapping("/console/settings/enrichment")
class AutoEnrichmentSettingsController {
    private static final String PAGE = "redirect:/console/settings/enrichment";
    private final AutoEnrichmentSettings rules;
    private final PlaybookService playbooks;
    private final PlaybookSettings playbookSettings;
    private final FormCheck forms;
    private final Actor actor;

    AutoEnrichmentSettingsController(AutoEnrichmentSettings rules, PlaybookService playbooks,
            PlaybookSettings playbookSettings, FormCheck forms, Actor actor) {
        this.rules = rules;
        this.playbooks = playbooks;
        this.playbookSettings = playbookSettings;
        this.forms = forms;
        this.actor = actor;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("auto", rules.view());
        model.addAttribute("rulesEnabled", playbookSettings.rulesEnabled());
        model.addAttribute("ruled", playbooks.list().stream().filter(p -> p.valid() && p.triggers() != null
                && p.triggers().stream().anyMatch(t -> t.startsWith("rule"))).toList());
        model.addAttribute("tab", "enrichment");
        return "console/settings/enrichment";
    }

    /** Saves the form: checked boxes are on, every other known one off; at the version the form showed. */
    @PostMapping
    String save(@RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) List<String> sources, @RequestParam(required = false) List<String> types,
            @RequestParam(required = false) List<String> playbooks, @RequestParam(defaultValue = "-1") long version,
            RedirectAttributes redirect) {
        AutoEnrichmentView shown = rules.view();
        try {
            rules.save(actor.current(), forms.valid(new AutoEnrichmentUpdate(enabled,
                    checked(shown.sources(), sources), checked(shown.types(), types),
                    checked(shown.playbooks(), playbooks), version)));
            redirect.addFlashAttribute("flash", "Auto-enrichment rules saved; they apply to new indicators and "
                    + "artifacts from now on.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not saved: " + String.join("; ", FormCheck.lines(e)));
        } catch (VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not saved: someone changed the rules in the meantime; here "
                    + "are theirs.");
        }
        return PAGE;
    }

    /** Drops the saved rules: the configuration's apply again. */
    @PostMapping("/reset")
    String reset(@RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        try {
            rules.reset(actor.current(), version);
            redirect.addFlashAttribute("flash", "Auto-enrichment rules reset to the configuration.");
        } catch (VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not reset: someone changed the rules in the meantime; here "
                    + "are theirs.");
        }
        return PAGE;
    }

    /** Every key shown, off unless checked; checked keys the page did not show are passed on, for validation. */
    private static Map<String, Boolean> checked(Map<String, Boolean> shown, List<String> checked) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        shown.keySet().forEach(key -> out.put(key, false));
        if (checked != null) checked.forEach(key -> out.put(key, true));
        return out;
    }
}
