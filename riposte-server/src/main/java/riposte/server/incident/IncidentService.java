package riposte.server.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.Choices;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * Incident use cases; each change and its audit record commit together. Public for the web console
 * ({@code riposte.server.console.incident}), which renders from this service rather than over HTTP.
 */
@Service
public class IncidentService {
    static final String KIND = "incident";
    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final Clock clock;
    private final riposte.server.interchange.InterchangeSettings interchange;

    IncidentService(IncidentRepository incidents, AuditLog audit, Clock clock,
            riposte.server.interchange.InterchangeSettings interchange) {
        this.interchange = interchange;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<IncidentView> list(IncidentFilter filter, String sort, PageQuery page) {
        return PageResponse.of(incidents.find(filter, sort, page), page, incidents.count(filter));
    }

    /** One statement, so no transaction of its own (BEGIN/COMMIT would add a round trip to every read). */
    public IncidentView get(long id) {
        return incidents.get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    public IncidentView create(String actor, IncidentCreate c) {
        Instant now = Sql.now(clock);
        Severity severity = Choices.parse(Severity.class, "severity", c.severity(), Severity.MEDIUM);
        IncidentStatus status = Choices.parse(IncidentStatus.class, "status", c.status(), IncidentStatus.OPEN);
        String type = c.type() == null || c.type().isBlank() ? "General" : c.type().strip();
        var tlp = riposte.server.system.Choices.tlp("tlp", c.tlp());
        var draft = new IncidentView(0, c.name().strip(), c.description(), type, severity, status, blankToNull(c.owner()),
                (tlp == null ? interchange.defaultLevel() : tlp).label(), now, now, status == IncidentStatus.CLOSED ? now : null, 0, 0);
        IncidentView created = get(incidents.insert(draft));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    public IncidentView update(String actor, long id, IncidentUpdate u) {
        IncidentView before = get(id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        Severity severity = Choices.parse(Severity.class, "severity", u.severity(), before.severity());
        IncidentStatus status = Choices.parse(IncidentStatus.class, "status", u.status(), before.status());
        Instant now = Sql.now(clock);
        Instant closedAt = status == IncidentStatus.CLOSED
                ? Objects.requireNonNullElse(before.closedAt(), now) : null;
        var changed = new IncidentView(id, u.name() == null ? before.name() : u.name().strip(),
                u.description() == null ? before.description() : u.description(),
                u.type() == null ? before.type() : u.type().strip(), severity, status,
                u.owner() == null ? before.owner() : blankToNull(u.owner()),
                u.tlp() == null || u.tlp().isBlank() ? before.tlp()
                        : riposte.server.system.Choices.tlp("tlp", u.tlp()).label(),
                before.createdAt(), now, closedAt, before.version(), before.artifactCount());
        // The version check in the UPDATE is what protects against a concurrent writer on another server.
        if (!incidents.update(changed, u.version())) throw new VersionConflictException(KIND, id, u.version());
        IncidentView after = get(id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    @Transactional
    void delete(String actor, long id) {
        IncidentView before = get(id);
        incidents.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
