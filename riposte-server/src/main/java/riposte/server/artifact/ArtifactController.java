package riposte.server.artifact;

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

/** {@code /api/v1/incidents/{incidentId}/artifacts}. */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}/artifacts")
class ArtifactController {
    private final ArtifactService service;
    private final Actor actor;
    private final ServerSettings settings;

    ArtifactController(ArtifactService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<ArtifactView> list(@PathVariable long incidentId, @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(incidentId, type, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    ArtifactView get(@PathVariable long incidentId, @PathVariable long id) {
        return service.get(incidentId, id);
    }

    @PostMapping
    ResponseEntity<ArtifactView> create(@PathVariable long incidentId, @Valid @RequestBody ArtifactCreate body) {
        ArtifactView created = service.create(actor.current(), incidentId, body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/artifacts/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    ArtifactView update(@PathVariable long incidentId, @PathVariable long id, @Valid @RequestBody ArtifactUpdate body) {
        return service.update(actor.current(), incidentId, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable long id) {
        service.delete(actor.current(), incidentId, id);
        return ResponseEntity.noContent().build();
    }
}
