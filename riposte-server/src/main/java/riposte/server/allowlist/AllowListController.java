package riposte.server.allowlist;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/**
 * {@code /api/v1/allowlist}: list, read and check for analysts and up; add and delete for admins (URL rules in the
 * security configuration).
 */
@RestController
@RequestMapping("/api/v1/allowlist")
class AllowListController {
    private final AllowListService service;
    private final Actor actor;
    private final ServerSettings settings;

    AllowListController(AllowListService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    /** Newest first; {@code kind} an entry kind id, {@code q} text found in the value or the reason. */
    @GetMapping
    PageResponse<AllowListEntryView> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(kind, q, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    AllowListEntryView get(@PathVariable long id) {
        return service.get(id);
    }

    /** Whether a value (any indicator, defanged forms too) is allow-listed, and by which entry. */
    @GetMapping("/check")
    AllowListEntryView.Check check(@RequestParam(required = false) String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException("value", "is required: an indicator such as 10.1.2.3 or www.example.com");
        }
        return service.check(value);
    }

    /** Adds entries, all or none; answers them with 201. */
    @PostMapping
    ResponseEntity<List<AllowListEntryView>> add(@RequestBody AllowListEntryView.Add body) {
        List<AllowListEntryView> added = service.add(actor.current(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(actor.current(), id);
        return ResponseEntity.noContent().build();
    }
}
