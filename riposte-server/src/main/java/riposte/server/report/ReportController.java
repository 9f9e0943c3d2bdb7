package riposte.server.report;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * {@code /api/v1/reports}. The HTML is served under a CSP that allows no script, no network access and no forms, in a
 * sandbox, with {@code nosniff}: Riposte builds it from escaped data, but it is treated as untrusted anyway.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {
    static final String HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
    private final ReportService service;
    private final Actor actor;
    private final ServerSettings settings;

    ReportController(ReportService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<ReportView> list(@RequestParam(required = false) Long indicatorId,
            @RequestParam(required = false) Long incidentId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(indicatorId, incidentId, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    ResponseEntity<ReportView> create(@Valid @RequestBody ReportCreate body) {
        ReportView created = service.create(actor.current(), body);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + created.id())).body(created);
    }

    @GetMapping("/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", HTML_CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(service.body(id, "html"));
    }

    @GetMapping("/{id}/json")
    ResponseEntity<String> json(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Content-Type-Options", "nosniff")
                .body(service.body(id, "json"));
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable long id) {
        Resource file = service.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("report-" + id + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file);
    }
}
