package riposte.server.console.incident;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /console/incidents/{id}/actions}: the items of an artifact's or a row's action menu. */
@Controller
@RequestMapping("/console/incidents/{id}/actions")
class ActionController {

    @GetMapping
    String items(@PathVariable long id, Model model) {
        model.addAttribute("unavailable", true);
        return "console/incident/actions :: items";
    }
}
