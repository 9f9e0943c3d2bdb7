package riposte.server.task;

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

/** {@code /api/v1/incidents/{incidentId}/tasks}. */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}/tasks")
class TaskController {
    private final TaskService service;
    private final Actor actor;
    private final ServerSettings settings;

    TaskController(TaskService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<TaskView> list(@PathVariable long incidentId, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(incidentId, status, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable long incidentId, @PathVariable long id) {
        return service.get(incidentId, id);
    }

    @PostMapping
    ResponseEntity<TaskView> create(@PathVariable long incidentId, @Valid @RequestBody TaskView.Create body) {
        TaskView created = service.create(actor.current(), incidentId, body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/tasks/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    TaskView update(@PathVariable long incidentId, @PathVariable long id, @Valid @RequestBody TaskView.Update body) {
        return service.update(actor.current(), incidentId, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable long id) {
        service.delete(actor.current(), incidentId, id);
        return ResponseEntity.noContent().build();
    }
}
