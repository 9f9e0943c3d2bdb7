package riposte.server.enrichment;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;

/**
 * {@code POST /api/v1/enrichment/bulk} (analyst; 202 with the job) and {@code GET …/{id}} (progress, from the database:
 * the same on every server and after a restart; {@code ?items=false} leaves out the per-indicator list, for polling).
 */
@RestController
@RequestMapping("/api/v1/enrichment/bulk")
class BulkEnrichmentController {
    private final BulkEnrichment bulk;
    private final Actor actor;

    BulkEnrichmentController(BulkEnrichment bulk, Actor actor) {
        this.bulk = bulk;
        this.actor = actor;
    }

    @PostMapping
    ResponseEntity<BulkJob.View> start(@RequestBody BulkEnrichment.Request request) {
        BulkJob.View job = bulk.start(actor.current(), request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/enrichment/bulk/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    BulkJob.View get(@PathVariable String id, @RequestParam(defaultValue = "true") boolean items) {
        return bulk.view(id, items);
    }
}
