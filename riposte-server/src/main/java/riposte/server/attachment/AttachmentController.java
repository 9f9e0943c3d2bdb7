package riposte.server.attachment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import riposte.server.system.Actor;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/**
 * {@code /api/v1/incidents/{incidentId}/attachments}. Downloads are always {@code Content-Disposition: attachment}
 * with {@code nosniff} and a sandboxing CSP, so an uploaded HTML or SVG file is never rendered in the console's origin.
 */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}/attachments")
class AttachmentController {
    private final AttachmentService service;
    private final Actor actor;
    private final ServerSettings settings;

    AttachmentController(AttachmentService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<AttachmentView> list(@PathVariable long incidentId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(incidentId, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    AttachmentView get(@PathVariable long incidentId, @PathVariable long id) {
        return service.get(incidentId, id);
    }

    @PostMapping
    ResponseEntity<AttachmentView> upload(@PathVariable long incidentId,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        AttachmentView created = service.upload(actor.current(), incidentId, file);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/attachments/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable long incidentId, @PathVariable long id) {
        AttachmentService.Download d = service.download(incidentId, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.attachment().contentType()))
                .contentLength(d.attachment().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(d.path()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable long id) {
        service.delete(actor.current(), incidentId, id);
        return ResponseEntity.noContent().build();
    }
}
