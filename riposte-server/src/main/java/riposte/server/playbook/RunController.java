package riposte.server.playbook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
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

/** {@code /api/v1/runs}: following, listing, cancelling runs and deciding their approvals. */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {
    private final PlaybookService service;
    private final Actor actor;
    private final ServerSettings settings;

    RunController(PlaybookService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    record CancelBody(@Size(max = 1000) String reason) {}

    record ApprovalBody(@NotNull Boolean approve, @Size(max = 2000) String comment) {}

    @GetMapping
    PageResponse<RunView> list(@RequestParam(required = false) String objectKind,
            @RequestParam(required = false) String objectTable, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String playbook, @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.runs(new RunFilter(objectKind, objectTable, objectId, playbook, state),
                PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable String id) {
        return service.run(id);
    }

    @PostMapping("/{id}/cancel")
    RunView cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelBody body) {
        return service.cancel(id, actor, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/approvals/{stepId}")
    RunView decide(@PathVariable String id, @PathVariable String stepId, @Valid @RequestBody ApprovalBody body) {
        return service.decide(id, stepId, body.approve(), body.comment(), actor);
    }
}
