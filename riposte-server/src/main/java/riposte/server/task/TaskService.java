package riposte.server.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.incident.IncidentRefs;
import riposte.server.system.Choices;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/** Task use cases, audited. */
@Service
class TaskService {
    static final String KIND = "task";
    private final TaskRepository tasks;
    private final IncidentRefs incidents;
    private final AuditLog audit;
    private final Clock clock;

    TaskService(TaskRepository tasks, IncidentRefs incidents, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResponse<TaskView> list(long incidentId, String status, PageQuery page) {
        incidents.requireExists(incidentId);
        TaskView.Status s = Choices.parse(TaskView.Status.class, "status", status);
        String name = s == null ? null : s.name();
        return PageResponse.of(tasks.find(incidentId, name, page), page, tasks.count(incidentId, name));
    }

    @Transactional(readOnly = true)
    TaskView get(long incidentId, long id) {
        return tasks.get(incidentId, id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    TaskView create(String actor, long incidentId, TaskView.Create c) {
        incidents.requireExists(incidentId);
        TaskView.Status status = Choices.parse(TaskView.Status.class, "status", c.status(), TaskView.Status.OPEN);
        Instant now = Sql.now(clock);
        var draft = new TaskView(0, incidentId, c.title().strip(), c.instructions(), c.owner(), status, micros(c.dueAt()),
                now, now, status == TaskView.Status.OPEN ? null : now, 0);
        TaskView created = get(incidentId, tasks.insert(draft));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    TaskView update(String actor, long incidentId, long id, TaskView.Update u) {
        TaskView before = get(incidentId, id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        TaskView.Status status = Choices.parse(TaskView.Status.class, "status", u.status(), before.status());
        Instant now = Sql.now(clock);
        Instant completed = status == TaskView.Status.OPEN ? null
                : before.completedAt() != null ? before.completedAt() : now;
        var changed = new TaskView(id, incidentId, u.title() == null ? before.title() : u.title().strip(),
                u.instructions() == null ? before.instructions() : u.instructions(),
                u.owner() == null ? before.owner() : u.owner(), status,
                u.dueAt() == null ? before.dueAt() : micros(u.dueAt()), before.createdAt(), now, completed,
                before.version());
        if (!tasks.update(changed, u.version())) throw new VersionConflictException(KIND, id, u.version());
        TaskView after = get(incidentId, id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    @Transactional
    void delete(String actor, long incidentId, long id) {
        TaskView before = get(incidentId, id);
        tasks.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
