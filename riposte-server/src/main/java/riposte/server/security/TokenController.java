package riposte.server.security;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /api/v1/tokens}: your own API tokens; admins see and revoke everyone's ({@code owner} filters). */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {
    private final TokenService service;
    private final ServerSettings settings;

    TokenController(TokenService service, ServerSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<TokenView> list(Authentication auth, @RequestParam(required = false) String owner,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(Caller.of(auth), owner, PageQuery.of(page, size, settings));
    }

    /** The answer carries the token itself; it is never shown again. */
    @PostMapping
    ResponseEntity<TokenView.Created> create(Authentication auth, @Valid @RequestBody TokenView.Create body) {
        TokenView.Created created = service.create(Caller.of(auth), body);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .header("Cache-Control", "no-store").body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Authentication auth, @PathVariable long id) {
        service.revoke(Caller.of(auth), id);
        return ResponseEntity.noContent().build();
    }
}
