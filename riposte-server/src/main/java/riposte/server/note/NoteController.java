package riposte.server.note;

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

/** {@code /api/v1/incidents/{incidentId}/notes}. */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}/notes")
class NoteController {
    private final NoteService service;
    private final Actor actor;
    private final ServerSettings settings;

    NoteController(NoteService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<NoteView> list(@PathVariable long incidentId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(incidentId, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    NoteView get(@PathVariable long incidentId, @PathVariable long id) {
        return service.get(incidentId, id);
    }

    @PostMapping
    ResponseEntity<NoteView> create(@PathVariable long incidentId, @Valid @RequestBody NoteView.Create body) {
        NoteView created = service.create(actor.current(), incidentId, body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/notes/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    NoteView update(@PathVariable long incidentId, @PathVariable long id, @Valid @RequestBody NoteView.Update body) {
        return service.update(actor.current(), incidentId, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable long id) {
        service.delete(actor.current(), incidentId, id);
        return ResponseEntity.noContent().build();
    }
}
