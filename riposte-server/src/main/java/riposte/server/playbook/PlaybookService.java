package riposte.server.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.core.playbook.ExpressionException;
import riposte.core.playbook.InputSpec;
import riposte.core.playbook.InputValues;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookRun;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.RunState;
import riposte.core.playbook.RunTransitions;
import riposte.core.playbook.Step;
import riposte.core.playbook.StepRun;
import riposte.core.playbook.Trigger;
import riposte.core.playbook.TriggerSpec;
import riposte.server.audit.AuditLog;
import riposte.server.system.Actor;
import riposte.server.system.Choices;
import riposte.server.system.ConflictException;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * Playbooks and their durable runs: what the REST API, the console and the CLI use. Starting a run validates the
 * inputs (a 400 naming each bad input), snapshots the object's data, stores the run (whose due time is its durable
 * schedule: see {@link RunDispatcher}) and advances it at once; approvals and cancellations are stored the same way. Starts, approvals and
 * cancellations are audited ({@code playbook-run}).
 *
 * <pre>{@code
 * RunView run = playbooks.start("ses-file-insight", new ObjectRef(ObjectKind.INDICATOR, null, "42"), Map.of(), actor);
 * run = playbooks.run(run.id()); // follow it: state, step log, outputs
 * }</pre>
 */
@Service
public class PlaybookService {
    static final String AUDIT_KIND = "playbook-run";
    /** How often a cancel or approval re-reads a run that changed under it before giving up with a 409. */
    private static final int WRITE_ATTEMPTS = 20;

    private final PlaybookLibrary library;
    private final PlaybookSubjects subjects;
    private final RunRepository runs;
    private final RunDispatcher dispatcher;
    private final RunPermissions permissions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlaybookService(PlaybookLibrary library, PlaybookSubjects subjects, RunRepository runs, RunDispatcher dispatcher,
            RunPermissions permissions, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.library = library;
        this.subjects = subjects;
        this.runs = runs;
        this.dispatcher = dispatcher;
        this.permissions = permissions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every valid playbook (built-ins first), then the invalid user playbooks with their problems. */
    public List<PlaybookView> list() {
        List<PlaybookView> out = new ArrayList<>();
        for (PlaybookDefinition d : library.all()) out.add(view(d));
        for (PlaybookLibrary.Invalid i : library.invalid()) {
            out.add(new PlaybookView(i.id() == null ? i.origin() : i.id(), 0, i.id() == null ? i.origin() : i.id(), "",
                    null, null, null, false, false, List.of(), List.of(), List.of(), i.origin(), false, i.problems()));
        }
        return out;
    }

    /** One valid playbook; a 404 for an unknown (or invalid) id. */
    public PlaybookView get(String playbookId) {
        return view(definition(playbookId));
    }

    /**
     * Every playbook for the object's kind (and table, for rows), with {@code applicable} when its activation
     * condition holds for the object now, and its latest run on the object.
     *
     * @throws NotFoundException if the object does not exist
     */
    public List<ApplicablePlaybook> forObject(ObjectRef ref) {
        PlaybookSubject subject = subject(ref);
        List<ApplicablePlaybook> out = new ArrayList<>();
        for (PlaybookDefinition d : library.all()) {
            if (!d.target().accepts(ref.kind(), ref.table())) continue;
            boolean applicable;
            String reason = null;
            try {
                applicable = library.catalog().isApplicable(d, subject);
                if (!applicable) reason = "condition '" + d.target().condition() + "' does not hold";
            } catch (ExpressionException e) {
                applicable = false;
                reason = "condition could not be evaluated: " + e.getMessage();
            }
            RunView latest = runs.latest(d.id(), ref).map(r -> view(r, null)).orElse(null);
            out.add(new ApplicablePlaybook(view(d), applicable, reason, latest));
        }
        return out;
    }

    /**
     * Starts a run by hand and returns it as it is right after the start (QUEUED; it advances at once on another
     * thread, so follow it with {@link #run}).
     *
     * @throws NotFoundException if there is no such playbook
     * @throws InvalidFieldException naming {@code object.*} when the object does not exist or the playbook does not
     *     apply to it, and {@code inputs.<name>} for every bad input
     * @throws org.springframework.security.access.AccessDeniedException if the caller may not start it
     */
    public RunView start(String playbookId, ObjectRef object, Map<String, Object> inputs, Actor actor) {
        PlaybookDefinition d = definition(playbookId);
        permissions.requireToStart(d.destructive(), actor);
        if (!d.target().accepts(object.kind(), object.table())) {
            throw new InvalidFieldException(object.kind() == ObjectKind.ROW && d.target().kind() == ObjectKind.ROW
                    ? "object.table" : "object.kind", "playbook " + d.id() + " runs on " + target(d) + ", not on "
                    + object.kind().variable() + (object.table() == null ? "" : " of table " + object.table()));
        }
        PlaybookSubject subject = subjects.load(object).orElseThrow(() -> new InvalidFieldException("object.id",
                "there is no " + object.kind().variable() + " with id " + object.id()));
        boolean applies;
        try {
            applies = library.catalog().isApplicable(d, subject);
        } catch (ExpressionException e) {
            throw new InvalidFieldException("object", "the condition of playbook " + d.id() + " cannot be evaluated "
                    + "for this object: " + e.getMessage());
        }
        if (!applies) {
            throw new InvalidFieldException("object", "playbook " + d.id() + " does not apply to this "
                    + object.kind().variable() + ": its condition '" + d.target().condition() + "' does not hold");
        }
        Map<String, Object> given = inputs == null ? Map.of() : inputs;
        List<InvalidFieldException.FieldProblem> problems = InputValues.check(d, given).stream()
                .map(p -> new InvalidFieldException.FieldProblem("inputs." + p.input(), p.message())).toList();
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return start(d, subject, InputValues.resolve(d, given), new Trigger(Trigger.Kind.MANUAL, actor.current(),
                "started by hand"));
    }

    /** Starts a run for a trigger (no permission check: the server acts by itself); inputs must be resolved. */
    RunView start(PlaybookDefinition d, PlaybookSubject subject, Map<String, Object> inputs, Trigger trigger) {
        Instant now = Sql.now(clock);
        PlaybookRun run = new PlaybookRun(UUID.randomUUID().toString(), d.id(), d.version(), subject.ref(),
                subject.data(), inputs, RunState.QUEUED, null, null, trigger, now, now, Map.of(), null);
        RunView view = view(run, null);
        transactions.executeWithoutResult(tx -> {
            runs.insert(run, dispatcher.node());
            audit.record(trigger.by(), "start", AUDIT_KIND, run.id(), null, view);
        });
        dispatcher.advanceStarted(new RunRepository.Stored(run, 0));
        return view;
    }

    /** One run with its step log; a 404 if unknown. */
    public RunView run(String runId) {
        PlaybookRun run = stored(runId).run();
        return view(run, runs.steps(runId));
    }

    /** Runs, newest first, filtered; without step logs. */
    public PageResponse<RunView> runs(RunFilter filter, PageQuery page) {
        RunFilter f = filter == null ? RunFilter.ALL : filter;
        ObjectKind kind = f.objectKind() == null || f.objectKind().isBlank() ? null : ObjectKind.fromName(f.objectKind())
                .orElseThrow(() -> new InvalidFieldException("objectKind", "'" + Choices.shorten(f.objectKind())
                        + "' is not accepted: expected one of " + String.join(", ", PlaybookSubjects.KINDS)));
        RunState state = Choices.parse(RunState.class, "state", blankToNull(f.state()));
        var repoFilter = new RunRepository.Filter(kind, blankToNull(f.objectTable()), blankToNull(f.objectId()),
                blankToNull(f.playbookId()), state);
        List<RunView> items = runs.find(repoFilter, page).stream().map(r -> view(r, null)).toList();
        return PageResponse.of(items, page, runs.count(repoFilter));
    }

    /** Runs on the incident, on its artifacts and on its data-table rows, newest first; without step logs. */
    public PageResponse<RunView> runsOfIncident(long incidentId, PageQuery page) {
        List<RunView> items = runs.findOfIncident(incidentId, page).stream().map(r -> view(r, null)).toList();
        return PageResponse.of(items, page, runs.countOfIncident(incidentId));
    }

    /**
     * Cancels a run that has not ended (a no-op for one that has): it ends CANCELLED, its unfinished steps too, and a
     * step executing right now has its outcome discarded.
     */
    public RunView cancel(String runId, Actor actor, String reason) {
        RunRepository.Stored first = stored(runId);
        PlaybookDefinition d = library.find(first.run().playbookId()).orElse(null);
        permissions.requireToCancel(d != null && d.destructive(), actor);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            RunRepository.Stored stored = attempt == 0 ? first : stored(runId);
            if (stored.run().state().terminal()) return run(runId);
            List<StepRun> log = runs.steps(runId);
            RunTransitions.Outcome outcome = RunTransitions.cancel(stored.run(), log, actor.current(), reason,
                    Sql.now(clock));
            Boolean saved = transactions.execute(tx -> {
                if (!runs.save(outcome.run(), stored.version(), true)) return false;
                for (StepRun s : outcome.changedSteps()) runs.putStep(s, RunRepository.seq(log, s));
                audit.record(actor.current(), "cancel", AUDIT_KIND, runId, view(stored.run(), null),
                        view(outcome.run(), null));
                return true;
            });
            if (Boolean.TRUE.equals(saved)) return run(runId);
            // the run moved on (a step finished) between reading and writing: cancel what it is now
        }
        throw new VersionConflictException("playbook run", runId, first.version());
    }

    /**
     * Approves or rejects the approval step a run waits on; a rejection fails the run. The run then advances at once.
     *
     * @throws ConflictException if the run does not wait for that approval
     * @throws org.springframework.security.access.AccessDeniedException if the caller is not a responder, or (for a
     *     destructive playbook) is the person who started the run
     */
    public RunView decide(String runId, String stepId, boolean approve, String comment, Actor actor) {
        permissions.requireToApprove(actor);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            RunRepository.Stored stored = stored(runId);
            PlaybookRun run = stored.run();
            PlaybookDefinition d = library.find(run.playbookId()).filter(x -> x.version() == run.playbookVersion())
                    .orElseThrow(() -> new ConflictException("playbook " + run.playbookId() + " version "
                            + run.playbookVersion() + " is not loaded; the run cannot continue"));
            if (d.destructive() && actor.current().equals(run.trigger().by())) {
                throw new org.springframework.security.access.AccessDeniedException("a destructive run must be "
                        + "approved by someone other than the person who started it");
            }
            List<StepRun> log = runs.steps(runId);
            StepRun decided;
            try {
                decided = RunTransitions.decideApproval(d, run, log, stepId, actor.current(), approve, comment,
                        Sql.now(clock));
            } catch (IllegalStateException e) {
                throw new ConflictException(e.getMessage());
            }
            PlaybookRun touched = RunTransitions.running(run, decided.finishedAt());
            Boolean saved = transactions.execute(tx -> {
                if (!runs.save(touched, stored.version(), false)) return false;
                runs.putStep(decided, RunRepository.seq(log, decided));
                audit.record(actor.current(), approve ? "approve" : "reject", AUDIT_KIND, runId + "/" + stepId, null,
                        Map.of("stepId", stepId, "approved", approve, "comment", comment == null ? "" : comment));
                return true;
            });
            if (Boolean.TRUE.equals(saved)) {
                dispatcher.advanceSoon(runId);
                return run(runId);
            }
        }
        throw new ConflictException("run " + runId + " kept changing; try again");
    }

    PlaybookDefinition definition(String playbookId) {
        return library.find(playbookId).orElseThrow(() -> new NotFoundException("playbook", playbookId));
    }

    PlaybookSubject subject(ObjectRef ref) {
        return subjects.load(ref).orElseThrow(() -> new NotFoundException(ref.kind().variable(), ref.id()));
    }

    private RunRepository.Stored stored(String runId) {
        return runs.find(runId).orElseThrow(() -> new NotFoundException("playbook run", runId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String target(PlaybookDefinition d) {
        return d.target().kind().variable() + (d.target().table() == null ? "" : " of table " + d.target().table());
    }

    PlaybookView view(PlaybookDefinition d) {
        List<PlaybookView.Input> inputs = d.inputs().stream().map((InputSpec i) -> new PlaybookView.Input(i.name(),
                i.type().yamlName(), i.label(), i.required(), i.defaultValue(), i.options())).toList();
        List<String> steps = d.allSteps().stream().map(PlaybookService::describe).toList();
        List<String> triggers = d.triggers().stream().map(t -> switch (t) {
            case TriggerSpec.Rule r -> "rule: " + r.condition();
            case TriggerSpec.Schedule s -> "schedule: " + s.cron();
        }).toList();
        return new PlaybookView(d.id(), d.version(), d.name(), d.description(), d.target().kind().variable(),
                d.target().table(), d.target().condition(), d.destructive(), library.builtIn(d.id()), inputs, steps,
                triggers, d.origin(), true, List.of());
    }

    private static String describe(Step s) {
        return switch (s) {
            case Step.Call c -> s.id() + " (call " + c.function() + ")";
            case Step.Poll p -> s.id() + " (poll " + p.function() + ")";
            default -> s.id() + " (" + s.type() + ")";
        };
    }

    RunView view(PlaybookRun r, List<StepRun> steps) {
        Optional<PlaybookDefinition> d = library.find(r.playbookId());
        List<RunView.Step> log = steps == null ? null : steps.stream().map(s -> new RunView.Step(s.stepId(),
                d.flatMap(x -> x.step(s.stepId())).map(Step::type).orElse(null), s.attempt(), s.state().name(),
                s.startedAt(), s.finishedAt(), s.outputs(), s.error() == null ? null : s.error().kind().name(),
                s.error() == null ? null : s.error().message(), s.nextPollAt(), s.polls())).toList();
        return new RunView(r.id(), r.playbookId(), d.map(PlaybookDefinition::name).orElse(r.playbookId()),
                r.playbookVersion(), r.object(), r.inputs(), r.state().name(), r.state().terminal(), r.waitingFor(),
                r.wakeAt(), r.trigger(), r.createdAt(), r.updatedAt(), r.outputs(), r.failure(), log);
    }
}
