package riposte.server.indicator;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;

/** {@code /api/v1/indicators/{id}/attributes} and {@code /api/v1/attribute-definitions}. */
@RestController
@RequestMapping("/api/v1")
class AttributeController {
    private final AttributeService service;
    private final Actor actor;

    AttributeController(AttributeService service, Actor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GetMapping("/attribute-definitions")
    List<AttributeView.Definition> definitions() {
        return service.definitions();
    }

    @GetMapping("/indicators/{id}/attributes")
    List<AttributeView> list(@PathVariable long id) {
        return service.list(id);
    }

    /** Creates or replaces the value of one attribute (by definition name) of the indicator. */
    @PutMapping("/indicators/{id}/attributes")
    AttributeView upsert(@PathVariable long id, @Valid @RequestBody AttributeView.Upsert body) {
        return service.upsert(actor.current(), id, body);
    }
}
