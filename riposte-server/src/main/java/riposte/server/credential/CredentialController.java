package riposte.server.credential;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /api/v1/credentials}: admins only (URL rule in the security configuration). */
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialController {
    private final CredentialService service;
    private final Actor actor;
    private final ServerSettings settings;

    CredentialController(CredentialService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<CredentialView> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(kind, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    CredentialView get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    ResponseEntity<CredentialView> create(@Valid @RequestBody CredentialCreate body) {
        CredentialView created = service.create(actor.current(), body);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    CredentialView update(@PathVariable long id, @Valid @RequestBody CredentialUpdate body) {
        return service.update(actor.current(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(actor.current(), id);
        return ResponseEntity.noContent().build();
    }
}
