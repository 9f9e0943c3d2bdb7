package riposte.server.playbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookRun;
import riposte.core.playbook.RunFailure;
import riposte.core.playbook.RunState;
import riposte.core.playbook.StepError;
import riposte.core.playbook.StepRun;
import riposte.core.playbook.StepState;
import riposte.core.playbook.Trigger;
import riposte.server.system.PageQuery;
import riposte.server.system.Sql;
import riposte.server.system.Where;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Playbook runs and their step logs in {@code playbook_runs} / {@code playbook_step_runs}. Every write of a run is
 * conditional on the version the writer read ({@link #save} returns false when someone else wrote first); the
 * lease columns are only changed by {@link #insert} (a new run is leased to its node), {@link #claim}, {@link #save}
 * (release), {@link #saveLeased} (extend), {@link #release} and {@link #renewLeases}.
 *
 * <p>Every write of a run also sets its {@code due_at} from the state written ({@link #dueAt}): when the sweep must
 * look at the run if nobody holds its lease ({@link #due}).
 */
@Repository
class RunRepository {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Duration safetyNet;

    RunRepository(JdbcClient jdbc, JsonMapper json, PlaybookSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.safetyNet = settings.safetyNet();
    }

    /** A run as stored, with the version that the next write must name. */
    record Stored(PlaybookRun run, long version) {}

    /** Filters of the run list; null means any. */
    record Filter(ObjectKind objectKind, String objectTable, String objectId, String playbookId, RunState state) {}

    /**
     * Stores a new run at version 0, leased to {@code leaseOwner} (the node that advances it next) until it is due:
     * if that node dies before it gets to the run, the sweep finds it then, as the lease has run out.
     */
    void insert(PlaybookRun run, String leaseOwner) {
        jdbc.sql("""
                insert into playbook_runs (id, playbook_id, playbook_version, object_kind, object_table, object_id,
                    object_data, inputs, state, waiting_for, wake_at, trigger_kind, trigger_by, trigger_reason, outputs,
                    failure_step, failure_kind, failure_message, created_at, updated_at, due_at, lease_owner,
                    lease_until, version)
                values (:id, :playbook, :playbookVersion, :kind, :table, :objectId, :data, :inputs, :state, :waitingFor,
                    :wakeAt, :triggerKind, :triggerBy, :triggerReason, :outputs, :failureStep, :failureKind,
                    :failureMessage, :createdAt, :updatedAt, :dueAt, :leaseOwner, :dueAt, 0)""")
                .params(params(run)).param("leaseOwner", leaseOwner)
                .param("playbook", run.playbookId()).param("playbookVersion", run.playbookVersion())
                .param("kind", run.object().kind().name()).param("table", run.object().table())
                .param("objectId", run.object().id()).param("data", json.writeValueAsString(run.objectData()))
                .param("inputs", json.writeValueAsString(run.inputs()))
                .param("triggerKind", run.trigger().kind().name()).param("triggerBy", run.trigger().by())
                .param("triggerReason", clip(run.trigger().reason(), 1000))
                .param("createdAt", Sql.ts(run.createdAt()))
                .update();
    }

    /**
     * Writes the run's changing fields if it is still at {@code version}; optionally releases the lease.
     *
     * @return false when the run was changed by someone else since it was read (nothing is written)
     */
    boolean save(PlaybookRun run, long version, boolean releaseLease) {
        return update(run, version, releaseLease ? ", lease_owner = null, lease_until = null" : "", Map.of());
    }

    /**
     * As {@link #save} for the lease holder, which goes on advancing the run: its lease is extended to
     * {@code leaseUntil}. (The version check makes sure it still is the holder: taking a lease changes the version.)
     */
    boolean saveLeased(PlaybookRun run, long version, Instant leaseUntil) {
        return update(run, version, ", lease_until = :leaseUntil", Map.of("leaseUntil", Sql.ts(leaseUntil)));
    }

    private boolean update(PlaybookRun run, long version, String lease, Map<String, Object> leaseParams) {
        return jdbc.sql("update playbook_runs set state = :state, waiting_for = :waitingFor, wake_at = :wakeAt,"
                        + " outputs = :outputs, failure_step = :failureStep, failure_kind = :failureKind,"
                        + " failure_message = :failureMessage, updated_at = :updatedAt, due_at = :dueAt,"
                        + " version = version + 1" + lease + " where id = :id and version = :version")
                .params(params(run)).params(leaseParams).param("version", version).update() == 1;
    }

    private Map<String, Object> params(PlaybookRun run) {
        Map<String, Object> p = new LinkedHashMap<>();
        RunFailure f = run.failure();
        p.put("id", run.id());
        p.put("state", run.state().name());
        p.put("waitingFor", run.waitingFor());
        p.put("wakeAt", Sql.ts(run.wakeAt()));
        p.put("outputs", json.writeValueAsString(run.outputs()));
        p.put("failureStep", f == null ? null : f.stepId());
        p.put("failureKind", f == null ? null : f.kind().name());
        p.put("failureMessage", f == null ? null : clip(f.reason(), 4000));
        p.put("updatedAt", Sql.ts(run.updatedAt()));
        p.put("dueAt", Sql.ts(dueAt(run)));
        return p;
    }

    /**
     * When the sweep must look at the run as written, if nobody holds its lease then: never for an ended run or an
     * approval without a time limit; at its wake time when it waits (a poll, a retry, an approval's deadline); the
     * safety delay after its last change otherwise (queued or running: the node that wrote it advances it now, and
     * only if that node dies does the sweep find it, once the lease it took has run out too).
     */
    Instant dueAt(PlaybookRun run) {
        if (run.state().terminal()) return null;
        if (run.state() == RunState.WAITING) return run.wakeAt();
        return run.updatedAt().plus(safetyNet);
    }

    /**
     * Takes the run's lease for {@code owner} until {@code until} if nobody holds it (or the holder's lease ran
     * out) and the run has not ended.
     *
     * @return the run at its new version, or empty if it is leased by someone else, ended, or does not exist
     */
    Optional<Stored> claim(String runId, String owner, Instant now, Instant until) {
        int n = jdbc.sql("""
                update playbook_runs set lease_owner = :owner, lease_until = :until, version = version + 1
                where id = :id and state in ('QUEUED', 'RUNNING', 'WAITING')
                  and (lease_owner is null or lease_until < :now)""")
                .param("owner", owner).param("until", Sql.ts(until)).param("now", Sql.ts(now)).param("id", runId)
                .update();
        return n == 1 ? find(runId) : Optional.empty();
    }

    /**
     * Takes (or extends) the lease of a run this node has just stored and still holds in memory at
     * {@code known.version()}, leased to itself: the claim names that version, so the run need not be read back.
     *
     * @return the run at its new version, or empty if it changed since or someone else holds it now
     */
    Optional<Stored> claim(Stored known, String owner, Instant now, Instant until) {
        int n = jdbc.sql("""
                update playbook_runs set lease_owner = :owner, lease_until = :until, version = version + 1
                where id = :id and version = :version and state in ('QUEUED', 'RUNNING', 'WAITING')
                  and (lease_owner = :owner or lease_owner is null or lease_until < :now)""")
                .param("owner", owner).param("until", Sql.ts(until)).param("now", Sql.ts(now))
                .param("id", known.run().id()).param("version", known.version())
                .update();
        return n == 1 ? Optional.of(new Stored(known.run(), known.version() + 1)) : Optional.empty();
    }

    /**
     * Ids of the runs the sweep must advance now, the longest overdue first: due, and not leased (or the lease ran
     * out: its node died). Reads {@code ix_playbook_runs_due}.
     */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from playbook_runs where due_at <= :now and (lease_until is null or lease_until < :now)
                order by due_at limit :limit""")
                .param("now", Sql.ts(now)).param("limit", limit).query(String.class).list();
    }

    /**
     * Extends the leases {@code owner} holds on {@code runIds} (the runs it is advancing right now): the heartbeat of
     * a node that is executing long steps. By primary key, so it reads no other rows.
     */
    int renewLeases(String owner, Collection<String> runIds, Instant until) {
        if (runIds.isEmpty()) return 0;
        return jdbc.sql("update playbook_runs set lease_until = :until where id in (:ids) and lease_owner = :owner")
                .param("until", Sql.ts(until)).param("ids", List.copyOf(runIds)).param("owner", owner).update();
    }

    /**
     * Gives up a lease without changing the run: after someone else changed it ({@code retryAt} null: its due time
     * stays as they wrote it), or after a failure while advancing (the sweep tries the run again at {@code retryAt},
     * unless it has ended).
     */
    void release(String runId, String owner, Instant retryAt) {
        String due = retryAt == null ? ""
                : ", due_at = case when state in ('QUEUED', 'RUNNING', 'WAITING') then :retryAt else null end";
        jdbc.sql("update playbook_runs set lease_owner = null, lease_until = null" + due
                        + " where id = :id and lease_owner = :owner")
                .param("id", runId).param("owner", owner).params(retryAt == null ? Map.of()
                        : Map.of("retryAt", Sql.ts(retryAt))).update();
    }

    Optional<Stored> find(String runId) {
        return jdbc.sql("select * from playbook_runs where id = :id").param("id", runId).query(this::map).optional();
    }

    /** The newest run of {@code playbookId} on the object, if any. */
    Optional<PlaybookRun> latest(String playbookId, ObjectRef object) {
        return jdbc.sql("""
                select * from playbook_runs where object_kind = :kind and object_id = :id and playbook_id = :playbook
                order by created_at desc, id desc limit 1""")
                .param("kind", object.kind().name()).param("id", object.id()).param("playbook", playbookId)
                .query(this::map).optional().map(Stored::run);
    }

    List<PlaybookRun> find(Filter filter, PageQuery page) {
        Where where = where(filter);
        return where.bind(jdbc.sql("select * from playbook_runs" + where.sql()
                        + " order by created_at desc, id desc limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list().stream().map(Stored::run).toList();
    }

    long count(Filter filter) {
        Where where = where(filter);
        return where.bind(jdbc.sql("select count(*) from playbook_runs" + where.sql())).query(Long.class).single();
    }

    /** Runs on an incident, its artifacts or its data-table rows (the console's "Playbook runs" tab). */
    private static final String OF_INCIDENT = """
             where (object_kind = 'INCIDENT' and object_id = :incidentId)
                or (object_kind = 'ARTIFACT' and object_id in
                    (select cast(id as varchar(100)) from artifacts where incident_id = :incident))
                or (object_kind = 'ROW' and object_id in
                    (select cast(id as varchar(100)) from data_table_rows where incident_id = :incident))
            """;

    List<PlaybookRun> findOfIncident(long incidentId, PageQuery page) {
        return jdbc.sql("select * from playbook_runs " + OF_INCIDENT
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("incidentId", Long.toString(incidentId)).param("incident", incidentId)
                .param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list().stream().map(Stored::run).toList();
    }

    long countOfIncident(long incidentId) {
        return jdbc.sql("select count(*) from playbook_runs " + OF_INCIDENT)
                .param("incidentId", Long.toString(incidentId)).param("incident", incidentId)
                .query(Long.class).single();
    }

    private static Where where(Filter f) {
        return new Where()
                .and("object_kind = :kind", "kind", f.objectKind() == null ? null : f.objectKind().name())
                .and("object_table = :table", "table", f.objectTable())
                .and("object_id = :objectId", "objectId", f.objectId())
                .and("playbook_id = :playbook", "playbook", f.playbookId())
                .and("state = :state", "state", f.state() == null ? null : f.state().name());
    }

    /** The step log in the order the attempts started. */
    List<StepRun> steps(String runId) {
        return jdbc.sql("select * from playbook_step_runs where run_id = :id order by seq")
                .param("id", runId).query(this::mapStep).list();
    }

    /** The position of the attempt in the step log (its {@code seq}), or the log's size for a new attempt. */
    static int seq(List<StepRun> log, StepRun s) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).stepId().equals(s.stepId()) && log.get(i).attempt() == s.attempt()) return i;
        }
        return log.size();
    }

    /** Inserts the attempt, or updates it when it is already stored (a poll's later calls, an attempt's outcome). */
    void putStep(StepRun s, int seq) {
        putStep(s, seq, true);
    }

    /** As {@link #putStep(StepRun, int)}; {@code known=false} skips the update for an attempt never stored yet. */
    void putStep(StepRun s, int seq, boolean known) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("run", s.runId());
        p.put("step", s.stepId());
        p.put("attempt", s.attempt());
        p.put("seq", seq);
        p.put("state", s.state().name());
        p.put("startedAt", Sql.ts(s.startedAt()));
        p.put("finishedAt", Sql.ts(s.finishedAt()));
        p.put("outputs", json.writeValueAsString(s.outputs()));
        p.put("errorKind", s.error() == null ? null : s.error().kind().name());
        p.put("errorMessage", s.error() == null ? null : clip(s.error().message(), 4000));
        p.put("nextPollAt", Sql.ts(s.nextPollAt()));
        p.put("polls", s.polls());
        int updated = known ? jdbc.sql("""
                update playbook_step_runs set state = :state, finished_at = :finishedAt, outputs = :outputs,
                    error_kind = :errorKind, error_message = :errorMessage, next_poll_at = :nextPollAt, polls = :polls
                where run_id = :run and step_id = :step and attempt = :attempt""").params(p).update() : 0;
        if (updated == 0) {
            jdbc.sql("""
                    insert into playbook_step_runs (run_id, step_id, attempt, seq, state, started_at, finished_at,
                        outputs, error_kind, error_message, next_poll_at, polls)
                    values (:run, :step, :attempt, :seq, :state, :startedAt, :finishedAt, :outputs, :errorKind,
                        :errorMessage, :nextPollAt, :polls)""").params(p).update();
        }
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        String failureKind = rs.getString("failure_kind");
        RunFailure failure = rs.getString("state").equals(RunState.COMPLETED.name()) || failureKind == null ? null
                : new RunFailure(rs.getString("failure_step"), StepError.Kind.valueOf(failureKind),
                        rs.getString("failure_message"));
        var run = new PlaybookRun(rs.getString("id"), rs.getString("playbook_id"), rs.getInt("playbook_version"),
                new ObjectRef(ObjectKind.valueOf(rs.getString("object_kind")), rs.getString("object_table"),
                        rs.getString("object_id")),
                json.readValue(rs.getString("object_data"), MAP), json.readValue(rs.getString("inputs"), MAP),
                RunState.valueOf(rs.getString("state")), rs.getString("waiting_for"), Sql.instant(rs, "wake_at"),
                new Trigger(Trigger.Kind.valueOf(rs.getString("trigger_kind")), rs.getString("trigger_by"),
                        rs.getString("trigger_reason")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), json.readValue(rs.getString("outputs"), MAP),
                failure);
        return new Stored(run, rs.getLong("version"));
    }

    private StepRun mapStep(ResultSet rs, int row) throws SQLException {
        String errorKind = rs.getString("error_kind");
        return new StepRun(rs.getString("run_id"), rs.getString("step_id"), rs.getInt("attempt"),
                StepState.valueOf(rs.getString("state")), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"),
                json.readValue(rs.getString("outputs"), MAP),
                errorKind == null ? null : new StepError(StepError.Kind.valueOf(errorKind), rs.getString("error_message")),
                Sql.instant(rs, "next_poll_at"), rs.getInt("polls"));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
