package riposte.server.console.settings;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.console.FormCheck;
import riposte.server.console.Pager;
import riposte.server.credential.CredentialCreate;
import riposte.server.credential.CredentialKind;
import riposte.server.credential.CredentialService;
import riposte.server.credential.CredentialUpdate;
import riposte.server.indicator.AttributeDefinitionTransfer;
import riposte.server.indicator.AttributeService;
import riposte.server.security.Caller;
import riposte.server.security.Role;
import riposte.server.security.TokenService;
import riposte.server.security.TokenView;
import riposte.server.security.UserService;
import riposte.server.security.UserView;
import riposte.server.sepm.SepmConnections;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.ServerSettings;
import riposte.server.system.VersionConflictException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /console/settings/...}: one tab each for users, API tokens, credentials and attribute definitions (the
 * auto-enrichment tab is {@link AutoEnrichmentSettingsController}). Changes go through the same services (and so the
 * same validation and audit) as the REST API; a refused change comes back as a message naming the field, and nothing is written.
 */
@Controller
@RequestMapping("/console/settings")
class SettingsController {
    private final UserService users;
    private final TokenService tokens;
    private final CredentialService credentials;
    private final SepmConnections sepm;
    private final AttributeService attributes;
    private final AttributeDefinitionTransfer transfer;
    private final FormCheck forms;
    private final JsonMapper json;
    private final ServerSettings settings;
    private final Actor actor;

    SettingsController(UserService users, TokenService tokens, CredentialService credentials, SepmConnections sepm,
            AttributeService attributes, AttributeDefinitionTransfer transfer, FormCheck forms, JsonMapper json,
            ServerSettings settings, Actor actor) {
        this.users = users;
        this.tokens = tokens;
        this.credentials = credentials;
        this.sepm = sepm;
        this.attributes = attributes;
        this.transfer = transfer;
        this.forms = forms;
        this.json = json;
        this.settings = settings;
        this.actor = actor;
    }

    @GetMapping
    String index() {
        return "redirect:/console/settings/users";
    }

    // ---- users ----------------------------------------------------------------------------------------------

    @GetMapping("/users")
    String users(@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var result = users.list(PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("roles", Arrays.stream(Role.values()).map(r -> r.name().toLowerCase()).toList());
        model.addAttribute("tab", "users");
        return "console/settings/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String displayName,
            RedirectAttributes redirect) {
        try {
            UserView created = users.create(actor.current(), forms.valid(new UserView.Create(username.strip(),
                    blankToNull(displayName), null, role, password)));
            redirect.addFlashAttribute("flash", "User " + created.username() + " created.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not created: " + String.join("; ", FormCheck.lines(e)));
        }
        return "redirect:/console/settings/users";
    }

    /** Changes a user's role, enables or disables them, or sets a new password; at the version the form showed. */
    @PostMapping("/users/{id}")
    String updateUser(@PathVariable long id, @RequestParam(required = false) String role,
            @RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        try {
            UserView after = users.update(actor.current(), id, forms.valid(new UserView.Update(null, null,
                    blankToNull(role), enabled, blankToNull(password), version)));
            redirect.addFlashAttribute("flash", "User " + after.username() + " saved.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not saved: " + String.join("; ", FormCheck.lines(e)));
        } catch (VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not saved: someone changed this user in the meantime; "
                    + "here is their version.");
        }
        return "redirect:/console/settings/users";
    }

    // ---- API tokens -----------------------------------------------------------------------------------------

    @GetMapping("/tokens")
    String tokens(@RequestParam(required = false) Integer page, Authentication auth, HttpServletRequest request,
            Model model) {
        var result = tokens.list(Caller.of(auth), null, PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("tab", "tokens");
        return "console/settings/tokens";
    }

    /** Creates a token for a user; the page shows the token once, and never again. */
    @PostMapping("/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String owner,
            @RequestParam(required = false) Integer expiresInDays, Authentication auth, HttpServletRequest request,
            Model model) {
        try {
            TokenView.Created created = tokens.create(Caller.of(auth), forms.valid(new TokenView.Create(name.strip(),
                    null, expiresInDays, blankToNull(owner))));
            model.addAttribute("createdToken", created);
        } catch (InvalidFieldException e) {
            model.addAttribute("flashError", "Not created: " + String.join("; ", FormCheck.lines(e)));
        }
        return tokens(null, auth, request, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        tokens.revoke(Caller.of(auth), id);
        redirect.addFlashAttribute("flash", "Token revoked.");
        return "redirect:/console/settings/tokens";
    }

    // ---- credentials ----------------------------------------------------------------------------------------

    @GetMapping("/credentials")
    String credentials(@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var result = credentials.list(null, PageQuery.of(page, null, settings));
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("kinds", Arrays.stream(CredentialKind.values()).map(Enum::name).toList());
        model.addAttribute("tab", "credentials");
        return "console/settings/credentials";
    }

    @PostMapping("/credentials")
    String createCredential(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String loginDomain, @RequestParam(defaultValue = "") String caCertificate,
            @RequestParam(defaultValue = "") String proxy, RedirectAttributes redirect) {
        try {
            var created = credentials.create(actor.current(), forms.valid(new CredentialCreate(name.strip(), kind,
                    blankToNull(url), blankToNull(username), blankToNull(description), secret.isEmpty() ? null : secret,
                    blankToNull(loginDomain), blankToNull(caCertificate), blankToNull(proxy))));
            redirect.addFlashAttribute("flash", "Credential " + created.name() + " saved; its secret is stored "
                    + "encrypted and is never shown again.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not saved: " + String.join("; ", FormCheck.lines(e)));
        }
        return "redirect:/console/settings/credentials";
    }

    /** Edits a credential; a blank secret keeps the stored one. */
    @PostMapping("/credentials/{id}")
    String updateCredential(@PathVariable long id, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(required = false) String loginDomain, @RequestParam(required = false) String caCertificate,
            @RequestParam(required = false) String proxy, RedirectAttributes redirect) {
        try {
            // Absent SEPM fields (the form of another kind) stay as they are; present and empty ones are cleared.
            var after = credentials.update(actor.current(), id, forms.valid(new CredentialUpdate(null, null, url.strip(),
                    username.strip(), description.strip(), secret.isEmpty() ? null : secret, version,
                    loginDomain == null ? null : loginDomain.strip(), caCertificate == null ? null : caCertificate.strip(),
                    proxy == null ? null : proxy.strip())));
            redirect.addFlashAttribute("flash", "Credential " + after.name() + " saved.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not saved: " + String.join("; ", FormCheck.lines(e)));
        } catch (VersionConflictException e) {
            redirect.addFlashAttribute("flashError", "Not saved: someone changed this credential in the meantime.");
        }
        return "redirect:/console/settings/credentials";
    }

    /** Logs in to the SEPM of a stored SEPM credential and says its version, or the exact error. */
    @PostMapping("/credentials/{id}/test")
    String testCredential(@PathVariable long id, RedirectAttributes redirect) {
        var credential = credentials.get(id);
        if (credential.kind() != CredentialKind.SEPM) {
            redirect.addFlashAttribute("flashError", "A connection test is for SEPM credentials.");
        } else {
            var result = sepm.test(id);
            if (result.ok()) {
                redirect.addFlashAttribute("flash", "Connected to SEPM with " + credential.name() + ": version "
                        + result.version() + ", API " + result.apiVersion() + ".");
            } else {
                redirect.addFlashAttribute("flashError", "Could not connect with " + credential.name() + ": "
                        + result.error());
            }
        }
        return "redirect:/console/settings/credentials";
    }

    @PostMapping("/credentials/{id}/delete")
    String deleteCredential(@PathVariable long id, RedirectAttributes redirect) {
        credentials.delete(actor.current(), id);
        redirect.addFlashAttribute("flash", "Credential deleted.");
        return "redirect:/console/settings/credentials";
    }

    // ---- attribute definitions ------------------------------------------------------------------------------

    @GetMapping("/attributes")
    String attributes(Model model) {
        model.addAttribute("definitions", attributes.definitions());
        model.addAttribute("tab", "attributes");
        return "console/settings/attributes";
    }

    /** Imports an export file (all-or-nothing: a file with any bad entry changes nothing). */
    @PostMapping("/attributes/import")
    String importAttributes(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Not imported: file: choose an attribute definitions file (JSON)");
            return "redirect:/console/settings/attributes";
        }
        try {
            var result = transfer.importFile(actor.current(), json.readTree(file.getBytes()));
            redirect.addFlashAttribute("flash", "Imported: " + result.created().size() + " created, "
                    + result.updated().size() + " updated, " + result.unchanged().size() + " unchanged.");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", "Not imported (nothing changed): "
                    + String.join("; ", FormCheck.lines(e)));
        } catch (JacksonException | IOException e) {
            redirect.addFlashAttribute("flashError", "Not imported: file: is not JSON");
        }
        return "redirect:/console/settings/attributes";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
