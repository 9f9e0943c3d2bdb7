package riposte.server.playbook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.server.system.Actor;
import riposte.server.system.Choices;
import riposte.server.system.InvalidFieldException;

/** {@code /api/v1/playbooks}: the playbooks, those for one object, and starting runs. */
@RestController
@RequestMapping("/api/v1/playbooks")
class PlaybookController {
    private final PlaybookService service;
    private final Actor actor;

    PlaybookController(PlaybookService service, Actor actor) {
        this.service = service;
        this.actor = actor;
    }

    /** The object a run works on: kind indicator, artifact, incident or row; its database id; table for rows. */
    record ObjectBody(@NotBlank String kind, @Size(max = 100) String table, @NotBlank @Size(max = 100) String id) {}

    /** {@code POST /api/v1/playbooks/{id}/runs}. */
    record StartBody(@NotNull @Valid ObjectBody object, Map<String, Object> inputs) {}

    /**
     * Every playbook (invalid user playbooks included, with their problems); with {@code objectKind} and
     * {@code objectId} (and {@code table} for rows) the playbooks for that object, each with {@code applicable} and
     * its latest run on it.
     */
    @GetMapping
    Object list(@RequestParam(required = false) String objectKind, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String table) {
        if (objectKind == null && objectId == null && table == null) return service.list();
        if (objectKind == null) throw new InvalidFieldException("objectKind", "is required with objectId or table");
        if (objectId == null) throw new InvalidFieldException("objectId", "is required with objectKind");
        return service.forObject(ref("objectKind", objectKind, table, objectId));
    }

    @GetMapping("/{id}")
    PlaybookView get(@PathVariable String id) {
        return service.get(id);
    }

    /** 202 with the run as queued; follow it at its {@code Location}. */
    @PostMapping("/{id}/runs")
    ResponseEntity<RunView> start(@PathVariable String id, @Valid @RequestBody StartBody body) {
        ObjectRef object = ref("object.kind", body.object().kind(), body.object().table(), body.object().id());
        RunView run = service.start(id, object, body.inputs(), actor);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/runs/" + run.id())).body(run);
    }

    static ObjectRef ref(String field, String kind, String table, String id) {
        ObjectKind k = ObjectKind.fromName(kind).orElseThrow(() -> new InvalidFieldException(field,
                "'" + Choices.shorten(kind) + "' is not accepted: expected one of "
                        + String.join(", ", PlaybookSubjects.KINDS)));
        return new ObjectRef(k, table == null || table.isBlank() ? null : table.strip(), id.strip());
    }
}
