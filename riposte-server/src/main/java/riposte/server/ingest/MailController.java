package riposte.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.ServerSettings;

/**
 * {@code /api/v1/mail}: upload a raw message ({@code message/rfc822}) into the pipeline, list what was ingested (with
 * {@code outcome=FAILED} the unreadable ones and why), read the SEPM rule and change it; and the message of an incident.
 */
@RestController
class MailController {
    /** A message larger than this is refused before anything is stored. */
    static final int MAX_MESSAGE = 64 * 1024 * 1024;
    private final MailIngestService service;
    private final ServerSettings settings;

    MailController(MailIngestService service, ServerSettings settings) {
        this.settings = settings;
        this.service = service;
    }

    /** The body is the raw message whatever its declared type (message/rfc822 is what clients should send). */
    @PostMapping("/api/v1/mail/messages")
    ResponseEntity<Ingested> upload(HttpServletRequest request) throws IOException {
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_MESSAGE + 1);
        }
        if (raw.length > MAX_MESSAGE) {
            throw new InvalidFieldException("body", "is larger than " + MAX_MESSAGE / (1024 * 1024) + " MB: not stored");
        }
        if (raw.length == 0) throw new InvalidFieldException("body", "is empty: send the raw message as message/rfc822");
        Ingested done = service.ingest("upload", raw);
        URI location = URI.create("/api/v1/mail/messages/" + done.message().id());
        return done.duplicate() ? ResponseEntity.ok().location(location).body(done)
                : ResponseEntity.created(location).body(done);
    }

    @GetMapping("/api/v1/mail/messages")
    Map<String, Object> list(@RequestParam(required = false) String outcome,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        String o = outcome == null || outcome.isBlank() ? null : outcome.strip().toUpperCase(java.util.Locale.ROOT);
        if (o != null && !List.of("INCIDENT", "IGNORED", "FAILED").contains(o)) {
            throw new InvalidFieldException("outcome", "must be INCIDENT, IGNORED or FAILED");
        }
        // was clamped silently to 1..500; now the same 400 as every other list when out of range
        PageQuery q = PageQuery.of(page, size, settings);
        return Map.of("items", service.list(o, q.size(), q.offset()), "totalItems", service.count(o), "page", q.page(),
                "size", q.size());
    }

    @GetMapping("/api/v1/mail/messages/{id}")
    MailRecord get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/api/v1/incidents/{incidentId}/mail")
    List<MailRecord> ofIncident(@PathVariable long incidentId) {
        return service.ofIncident(incidentId);
    }

    @GetMapping("/api/v1/mail/rule")
    MailRule rule() {
        return service.rule();
    }

    @PutMapping("/api/v1/mail/rule")
    MailRule updateRule(@RequestBody MailRule rule) {
        return service.updateRule(rule);
    }
}
