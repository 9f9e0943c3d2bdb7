package riposte.server.datatable;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;

/** {@code /api/v1/data-tables}: everyone reads definitions; admins create and change them (URL rule). */
@RestController
@RequestMapping("/api/v1/data-tables")
class DefinitionController {
    private final DefinitionService service;
    private final Actor actor;

    DefinitionController(DefinitionService service, Actor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GetMapping
    List<DefinitionView> list() {
        return service.list();
    }

    /** {@code table} is the numeric id or the name. */
    @GetMapping("/{table}")
    DefinitionView get(@PathVariable String table) {
        return service.get(table);
    }

    @PostMapping
    ResponseEntity<DefinitionView> create(@Valid @RequestBody DefinitionWrite body) {
        DefinitionView created = service.create(actor.current(), body);
        return ResponseEntity.created(URI.create("/api/v1/data-tables/" + created.id())).body(created);
    }

    @PatchMapping("/{table}")
    DefinitionView update(@PathVariable String table, @Valid @RequestBody DefinitionWrite body) {
        return service.update(actor.current(), table, body);
    }
}
