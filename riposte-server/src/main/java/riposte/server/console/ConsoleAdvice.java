package riposte.server.console;

import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user ({@code me}, null when anonymous) into every console model, including Boot's error pages
 * so that a 403 or 404 page still shows the navigation.
 */
@ControllerAdvice(basePackages = "riposte.server.console", assignableTypes = BasicErrorController.class)
class ConsoleAdvice {

    @ModelAttribute("me")
    ConsoleUser me(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return null;
        return ConsoleUser.of(auth);
    }
}
