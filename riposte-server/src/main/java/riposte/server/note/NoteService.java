package riposte.server.note;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.incident.IncidentRefs;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/** Note use cases, audited. Public for the web console. */
@Service
public class NoteService {
    static final String KIND = "note";
    private final NoteRepository notes;
    private final IncidentRefs incidents;
    private final AuditLog audit;
    private final Clock clock;

    NoteService(NoteRepository notes, IncidentRefs incidents, AuditLog audit, Clock clock) {
        this.notes = notes;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<NoteView> list(long incidentId, PageQuery page) {
        incidents.requireExists(incidentId);
        return PageResponse.of(notes.find(incidentId, page), page, notes.count(incidentId));
    }

    @Transactional(readOnly = true)
    NoteView get(long incidentId, long id) {
        return notes.get(incidentId, id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    public NoteView create(String actor, long incidentId, NoteView.Create c) {
        incidents.requireExists(incidentId);
        NoteView created = get(incidentId, notes.insert(incidentId, actor, c.body(), Sql.now(clock)));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    NoteView update(String actor, long incidentId, long id, NoteView.Update u) {
        NoteView before = get(incidentId, id);
        if (before.version() != u.version() || !notes.update(id, u.body(), Sql.now(clock), u.version())) {
            throw new VersionConflictException(KIND, id, u.version());
        }
        NoteView after = get(incidentId, id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    @Transactional
    void delete(String actor, long incidentId, long id) {
        NoteView before = get(incidentId, id);
        notes.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
    }
}
