package riposte.server.datatable;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** {@code /api/v1/incidents/{incidentId}/data-tables/{table}/rows} and {@code .../csv}; {@code table} is an id or a name. */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}/data-tables/{table}")
class RowController {
    private final RowService service;
    private final Actor actor;
    private final ServerSettings settings;

    RowController(RowService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    /**
     * {@code filter=column:op:value} (eq, contains, gte, lte; repeatable), {@code sort=column} or {@code -column};
     * {@code page} (offset paging) or {@code after=<row id>} (keyset paging in the default order: the next page
     * starts after the last id of this one, and costs the same however deep it is).
     */
    @GetMapping("/rows")
    PageResponse<RowView> list(@PathVariable long incidentId, @PathVariable String table,
            @RequestParam(required = false) List<String> filter, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Long after) {
        if (after != null && page != null && page != 0) {
            throw new InvalidFieldException("after", "give either page or after, not both");
        }
        if (after != null && after < 0) throw new InvalidFieldException("after", "must be a row id (0 or more)");
        return service.list(incidentId, table, filter, sort, PageQuery.of(page, size, settings), after);
    }

    @GetMapping("/rows/{id}")
    RowView get(@PathVariable long incidentId, @PathVariable String table, @PathVariable long id) {
        return service.get(incidentId, table, id);
    }

    @PostMapping("/rows")
    ResponseEntity<RowView> create(@PathVariable long incidentId, @PathVariable String table,
            @Valid @RequestBody RowWrite body) {
        RowView created = service.create(actor.current(), incidentId, table, body);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/data-tables/" + table
                + "/rows/" + created.id())).body(created);
    }

    @PatchMapping("/rows/{id}")
    RowView update(@PathVariable long incidentId, @PathVariable String table, @PathVariable long id,
            @Valid @RequestBody RowWrite body) {
        return service.update(actor.current(), incidentId, table, id, body);
    }

    @DeleteMapping("/rows/{id}")
    ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable String table, @PathVariable long id) {
        service.delete(actor.current(), incidentId, table, id);
        return ResponseEntity.noContent().build();
    }

    /** The matching rows as CSV (same filter and sort parameters), as a download. */
    @GetMapping("/csv")
    ResponseEntity<String> csv(@PathVariable long incidentId, @PathVariable String table,
            @RequestParam(required = false) List<String> filter, @RequestParam(required = false) String sort) {
        RowService.Export export = service.export(incidentId, table, filter, sort);
        String name = export.table().name() + "-incident-" + incidentId + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(CsvExport.write(export.table(), export.rows()));
    }
}
