package riposte.server.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/** Read-only access to the audit log, newest first. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
    private final AuditLog audit;
    private final ServerSettings settings;

    AuditController(AuditLog audit, ServerSettings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping
    PageResponse<AuditEntry> list(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return audit.find(new AuditLog.Filter(actor, action, objectType, objectId), PageQuery.of(page, size, settings));
    }
}
