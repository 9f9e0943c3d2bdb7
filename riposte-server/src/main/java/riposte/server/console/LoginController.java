package riposte.server.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page. The form posts {@code username}, {@code password} and {@code _csrf} to Spring Security's
 * {@code POST /login} (see {@code riposte.server.security.LoginHandlers}); failures come back as
 * {@code /login?error}, logout as {@code /login?logout}.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }
}
