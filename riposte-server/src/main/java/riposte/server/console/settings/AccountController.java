package riposte.server.console.settings;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.FormCheck;
import riposte.server.console.Pager;
import riposte.server.security.Caller;
import riposte.server.security.TokenService;
import riposte.server.security.TokenView;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.ServerSettings;

/** {@code /console/account}: every user's own API tokens (for the CLI and scripts): list, create, revoke. */
@Controller
@RequestMapping("/console/account")
class AccountController {
    private final TokenService tokens;
    private final FormCheck forms;
    private final ServerSettings settings;

    AccountController(TokenService tokens, FormCheck forms, ServerSettings settings) {
        this.tokens = tokens;
        this.forms = forms;
        this.settings = settings;
    }

    @GetMapping
    String account(@RequestParam(required = false) Integer page, Authentication auth, HttpServletRequest request,
            Model model) {
        Caller caller = Caller.of(auth);
        // an admin's list would hold everyone's tokens: this page is about one's own
        var result = tokens.list(caller, caller.username(), PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        return "console/settings/account";
    }

    /** Creates a token; the page shows it once, and never again. */
    @PostMapping("/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer expiresInDays,
            Authentication auth, HttpServletRequest request, Model model) {
        try {
            TokenView.Created created = tokens.create(Caller.of(auth), forms.valid(new TokenView.Create(name.strip(),
                    null, expiresInDays, null)));
            model.addAttribute("createdToken", created);
        } catch (InvalidFieldException e) {
            model.addAttribute("flashError", "Not created: " + String.join("; ", FormCheck.lines(e)));
        }
        return account(null, auth, request, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        tokens.revoke(Caller.of(auth), id);
        redirect.addFlashAttribute("flash", "Token revoked.");
        return "redirect:/console/account";
    }
}
