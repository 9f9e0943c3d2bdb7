package riposte.server.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.RunState;
import riposte.core.playbook.Trigger;
import riposte.server.indicator.Indicators;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;

/**
 * Bulk enrichment: parse a list of indicator texts, create the indicators, and run the enrichment playbooks on each,
 * at most {@code riposte.ses.max-concurrency} indicators at a time. Every Threat Intel call waits behind the
 * credential's rate governor (requests wait, they are not rejected), and sections fresh in the cache are not asked
 * again. Progress is kept in memory (the last {@value #KEPT_JOBS} jobs); a restart loses unfinished jobs — the
 * indicators, attributes and reports already written stay.
 */
@Service
class BulkEnrichment implements DisposableBean {
    static final int MAX_INDICATORS = 10_000;
    static final int KEPT_JOBS = 100;
    /** Used when the request names no playbooks: each indicator gets those that apply to its type. */
    static final List<String> DEFAULT_PLAYBOOKS = List.of("ses-file-insight", "ses-file-protection",
            "ses-network-insight", "ses-network-protection", "ses-cve-protection");
    private static final Logger log = LoggerFactory.getLogger(BulkEnrichment.class);

    private final Indicators indicators;
    private final PlaybookRunner runner;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, BulkJob> jobs = new LinkedHashMap<>();

    BulkEnrichment(Indicators indicators, PlaybookRunner runner, SesSettings settings) {
        this.indicators = indicators;
        this.runner = runner;
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrency()));
    }

    /** A bulk request: indicator texts (defanged forms accepted), optional playbook ids and Related option. */
    record Request(List<String> indicators, List<String> playbooks, Boolean createAssociated) {}

    BulkJob.View start(String actor, Request request) {
        List<PlaybookDefinition> playbooks = playbooks(request);
        if (request.indicators() == null || request.indicators().isEmpty()) {
            throw new InvalidFieldException("indicators", "is required: a list of 1 to " + MAX_INDICATORS
                    + " indicator values");
        }
        if (request.indicators().size() > MAX_INDICATORS) {
            throw new InvalidFieldException("indicators", "at most " + MAX_INDICATORS + " per request, got "
                    + request.indicators().size());
        }
        List<BulkJob.ItemView> items = new ArrayList<>();
        List<Indicators.Ref> refs = new ArrayList<>();
        for (int i = 0; i < request.indicators().size(); i++) {
            String input = request.indicators().get(i);
            String shown = input == null ? "" : input.length() > 200 ? input.substring(0, 197) + "..." : input;
            try {
                if (input == null || input.isBlank()) throw new InvalidFieldException("value", "is empty");
                Indicators.Ref ref = indicators.findOrCreate(actor, input).indicator();
                refs.add(ref);
                items.add(new BulkJob.ItemView(i, shown, ref.id(), ref.type(), ref.value(), BulkJob.ItemState.QUEUED,
                        null, List.of()));
            } catch (InvalidFieldException e) {
                refs.add(null);
                items.add(new BulkJob.ItemView(i, shown, null, null, null, BulkJob.ItemState.INVALID,
                        e.problems().getFirst().message(), List.of()));
            }
        }
        BulkJob job = new BulkJob(UUID.randomUUID().toString(), actor, runner.now(),
                playbooks.stream().map(PlaybookDefinition::id).toList(), items);
        remember(job);
        Map<String, Object> inputs = Boolean.TRUE.equals(request.createAssociated())
                ? Map.of("createAssociated", true) : Map.of();
        Trigger trigger = Trigger.manual(actor);
        for (int i = 0; i < items.size(); i++) {
            if (refs.get(i) == null) continue;
            BulkJob.ItemView item = items.get(i);
            threads.submit(() -> process(job, item, playbooks, inputs, trigger));
        }
        job.finishIfIdle(runner.now());
        return job.view();
    }

    BulkJob.View get(String id) {
        synchronized (jobs) {
            BulkJob job = jobs.get(id);
            if (job == null) throw new NotFoundException("bulk enrichment", id);
            return job.view();
        }
    }

    private void remember(BulkJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEPT_JOBS) jobs.remove(jobs.keySet().iterator().next());
        }
    }

    private List<PlaybookDefinition> playbooks(Request request) {
        List<String> ids = request.playbooks() == null || request.playbooks().isEmpty() ? DEFAULT_PLAYBOOKS
                : request.playbooks();
        List<PlaybookDefinition> out = new ArrayList<>();
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            var found = ids.get(i) == null ? java.util.Optional.<PlaybookDefinition>empty()
                    : runner.catalog().find(ids.get(i));
            if (found.isEmpty() || found.get().target().kind() != ObjectKind.INDICATOR) {
                problems.add(new InvalidFieldException.FieldProblem("playbooks[" + i + "]", "'" + ids.get(i)
                        + "' is not an indicator playbook: expected one of " + String.join(", ", runner.catalog()
                        .all().stream().filter(p -> p.target().kind() == ObjectKind.INDICATOR)
                        .map(PlaybookDefinition::id).toList())));
            } else {
                out.add(found.get());
            }
        }
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return out;
    }

    private void process(BulkJob job, BulkJob.ItemView item, List<PlaybookDefinition> playbooks,
            Map<String, Object> inputs, Trigger trigger) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            job.update(with(item, BulkJob.ItemState.RUNNING, null, List.of()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", item.type());
            data.put("value", item.value());
            data.put("attributes", Map.of());
            data.put("tags", List.of());
            var subject = new PlaybookSubject(new ObjectRef(ObjectKind.INDICATOR, null,
                    String.valueOf(item.indicatorId())), data);
            List<BulkJob.RunView> runs = new ArrayList<>();
            boolean failed = false;
            for (PlaybookDefinition p : playbooks) {
                if (!runner.catalog().isApplicable(p, subject)) continue;
                Map<String, Object> accepted = new LinkedHashMap<>();
                inputs.forEach((k, v) -> {
                    if (p.inputs().stream().anyMatch(in -> in.name().equals(k))) accepted.put(k, v);
                });
                PlaybookRunner.Result r = runner.runToEnd(p, subject, accepted, trigger);
                Object report = r.outputs().get("reportId");
                runs.add(new BulkJob.RunView(p.id(), r.state().name().toLowerCase(java.util.Locale.ROOT),
                        report == null ? null : report.toString(), r.failure(), r.fromCache()));
                failed |= r.state() != RunState.COMPLETED;
            }
            String message = runs.isEmpty() ? "no requested playbook applies to a " + item.type() : null;
            job.update(with(item, failed ? BulkJob.ItemState.FAILED : BulkJob.ItemState.COMPLETED, message, runs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("bulk enrichment of indicator {} failed", item.indicatorId(), e);
            job.update(with(item, BulkJob.ItemState.FAILED, e.getClass().getSimpleName(), List.of()));
        } finally {
            slots.release();
        }
    }

    private static BulkJob.ItemView with(BulkJob.ItemView i, BulkJob.ItemState state, String message,
            List<BulkJob.RunView> runs) {
        return new BulkJob.ItemView(i.position(), i.input(), i.indicatorId(), i.type(), i.value(), state, message,
                runs);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
