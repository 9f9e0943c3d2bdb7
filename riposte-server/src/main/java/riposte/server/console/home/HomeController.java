package riposte.server.console.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page, at {@code /} (where login lands) and {@code /console}. */
@Controller
class HomeController {

    @GetMapping({"/", "/console"})
    String home() {
        return "console/home/index";
    }
}
