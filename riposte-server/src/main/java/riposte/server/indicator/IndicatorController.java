package riposte.server.indicator;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
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

/** {@code /api/v1/indicators}. */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {
    private final IndicatorService service;
    private final Actor actor;
    private final ServerSettings settings;

    IndicatorController(IndicatorService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<IndicatorView> list(@RequestParam(required = false) String type,
            @RequestParam(required = false) String verdict, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String text, @RequestParam(required = false) String attribute,
            @RequestParam(required = false) String attributeValue, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.search(new IndicatorSearch(text, type, verdict, tag, attribute, attributeValue), sort,
                PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    IndicatorView get(@PathVariable long id) {
        return service.get(id);
    }

    /** 201 with the new indicator, or 200 with the existing one (same type and normalised value). */
    @PostMapping
    ResponseEntity<IndicatorView> create(@Valid @RequestBody IndicatorView.Create body) {
        var outcome = service.createOrGet(actor.current(), body);
        URI location = URI.create("/api/v1/indicators/" + outcome.indicator().id());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location)
                .body(outcome.indicator());
    }

    @PatchMapping("/{id}")
    IndicatorView update(@PathVariable long id, @Valid @RequestBody IndicatorView.Update body) {
        return service.update(actor.current(), id, body);
    }
}
