package riposte.server.security;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
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

/** {@code /api/v1/users}: admins list, create and change users (role, enabled, password, names). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {
    private final UserService service;
    private final Actor actor;
    private final ServerSettings settings;

    UserController(UserService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<UserView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody UserView.Create body) {
        UserView created = service.create(actor.current(), body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    UserView update(@PathVariable long id, @Valid @RequestBody UserView.Update body) {
        return service.update(actor.current(), id, body);
    }
}
