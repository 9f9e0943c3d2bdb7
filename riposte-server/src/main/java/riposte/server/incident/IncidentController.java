package riposte.server.incident;

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
import riposte.server.system.Choices;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /api/v1/incidents}. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {
    private final IncidentService service;
    private final Actor actor;
    private final ServerSettings settings;

    IncidentController(IncidentService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    /**
     * Lists incidents; {@code q} matches part of the name or description; {@code sort} is a field name (id, name,
     * severity, status, owner, createdAt, updatedAt), {@code -} for descending.
     */
    @GetMapping
    PageResponse<IncidentView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var filter = new IncidentFilter(Choices.parse(IncidentStatus.class, "status", status),
                Choices.parse(Severity.class, "severity", severity), owner, q);
        return service.list(filter, sort, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    IncidentView get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    ResponseEntity<IncidentView> create(@Valid @RequestBody IncidentCreate body) {
        IncidentView created = service.create(actor.current(), body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    IncidentView update(@PathVariable long id, @Valid @RequestBody IncidentUpdate body) {
        return service.update(actor.current(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(actor.current(), id);
        return ResponseEntity.noContent().build();
    }
}
