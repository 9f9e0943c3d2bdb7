package riposte.server.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.server.playbook.PlaybookService;
import riposte.server.playbook.PlaybookView;
import riposte.server.playbook.RunFilter;
import riposte.server.playbook.RunView;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;

/**
 * Runs one playbook on an indicator for bulk enrichment, as a durable run of the server's {@link PlaybookService}
 * (stored, resumed after a restart, listed with the indicator's runs), and waits for it by reading it back. The caller's security context must be the requester's: the run is started and audited as them.
 */
@Component
class PlaybookRunner {
    /**
     * How soon a waiting bulk worker first reads its run back, doubling up to {@link #MAX_POLL}: most runs end within
     * a few hundred milliseconds, and the run itself advances as soon as it can.
     */
    static final Duration FIRST_POLL = Duration.ofMillis(10);
    static final Duration MAX_POLL = Duration.ofMillis(250);

    /** How a run ended: its state, why it failed, whether every Threat Intel answer came from the cache, outputs. */
    record Result(String state, String failure, boolean fromCache, Map<String, Object> outputs) {
        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    private final PlaybookService playbooks;
    private final Clock clock;

    PlaybookRunner(PlaybookService playbooks, Clock clock) {
        this.playbooks = playbooks;
        this.clock = clock;
    }

    /**
     * The names of the inputs of {@code playbookId}, a valid playbook on indicators.
     *
     * @throws InvalidFieldException naming {@code field} otherwise, listing the playbooks that would do
     */
    java.util.Set<String> inputsOfIndicatorPlaybook(String field, String playbookId) {
        var found = playbookId == null ? java.util.Optional.<PlaybookView>empty() : playbooks.list().stream()
                .filter(p -> p.valid() && p.id().equals(playbookId)).findFirst();
        if (found.isEmpty() || !"indicator".equals(found.get().objectKind())) {
            throw new InvalidFieldException(field, "'" + playbookId + "' is not a playbook on indicators: expected one "
                    + "of " + String.join(", ", playbooks.list().stream()
                    .filter(p -> p.valid() && "indicator".equals(p.objectKind())).map(PlaybookView::id).toList()));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        found.get().inputs().forEach(i -> names.add(i.name()));
        return names;
    }

    /**
     * Starts the playbook on the indicator as a durable run and returns its id; null when the playbook does not apply
     * to the indicator (its condition does not hold).
     */
    String start(String playbookId, long indicatorId, Map<String, Object> inputs, String requester) {
        try {
            return playbooks.start(playbookId, new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(indicatorId)),
                    inputs, () -> requester).id();
        } catch (InvalidFieldException e) {
            if (e.problems().stream().anyMatch(p -> p.field().equals("object"))) return null;
            throw e;
        }
    }

    /**
     * The newest run of the playbook on the indicator created at or after {@code since}, if any: a node that takes a
     * bulk job over adopts the run its previous owner started but had not recorded yet, instead of starting another.
     */
    String startedSince(String playbookId, long indicatorId, Instant since) {
        var newest = playbooks.runs(new RunFilter("indicator", null, String.valueOf(indicatorId), playbookId, null),
                new PageQuery(0, 1)).items();
        return newest.isEmpty() || newest.getFirst().createdAt().isBefore(since) ? null : newest.getFirst().id();
    }

    /** Waits until the run ends (a run that no longer exists counts as failed). */
    Result await(String runId) throws InterruptedException {
        RunView run;
        try {
            run = playbooks.run(runId);
            long poll = FIRST_POLL.toMillis();
            while (!run.terminal()) {
                Thread.sleep(poll);
                poll = Math.min(MAX_POLL.toMillis(), poll * 2);
                run = playbooks.run(run.id());
            }
        } catch (NotFoundException e) {
            return new Result("FAILED", "the run " + runId + " no longer exists", false, Map.of());
        }
        boolean fromCache = true;
        boolean asked = false;
        for (RunView.Step s : run.steps() == null ? java.util.List.<RunView.Step>of() : run.steps()) {
            if (s.outputs() != null && s.outputs().get("cached") instanceof Boolean cached) {
                asked = true;
                fromCache &= cached;
            }
        }
        return new Result(run.state(), run.failure() == null ? null : run.failure().toString(), asked && fromCache,
                run.outputs());
    }

    Instant now() {
        return clock.instant();
    }
}
