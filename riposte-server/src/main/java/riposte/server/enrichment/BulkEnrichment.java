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
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.server.indicator.Indicators;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;

/**
 * Bulk enrichment: parse a list of indicator texts, create the indicators, and run the enrichment playbooks on each,
 * at most {@value #INDICATORS_PER_REQUEST_SLOT} × {@code riposte.ses.max-concurrency} indicators at a time. Every Threat Intel call waits behind the
 * credential's rate governor (requests wait, they are not rejected), and sections fresh in the cache are not asked
 * again. Each playbook is a durable run ({@link PlaybookRunner}), started as the requester. Progress is kept in memory
 * (the last {@value #KEPT_JOBS} jobs): a restart loses the job's progress and its indicators not yet started; runs
 * already started resume on their own.
 */
@Service
class BulkEnrichment implements DisposableBean {
    static final int MAX_INDICATORS = 10_000;
    static final int KEPT_JOBS = 100;
    /** Indicators a bulk job works on at once per SES request slot ({@code riposte.ses.max-concurrency}). */
    static final int INDICATORS_PER_REQUEST_SLOT = 4;
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
        // More indicators in flight than SES requests: most of a run is not the request (the client and the governor
        // bound those), so the requests are kept busy. Fair: in input order.
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrency() * INDICATORS_PER_REQUEST_SLOT), true);
    }

    /** A bulk request: indicator texts (defanged forms accepted), optional playbook ids and Related option. */
    record Request(List<String> indicators, List<String> playbooks, Boolean createAssociated) {}

    BulkJob.View start(String actor, Request request) {
        Map<String, java.util.Set<String>> playbooks = playbooks(request);
        if (request.indicators() == null || request.indicators().isEmpty()) {
            throw new InvalidFieldException("indicators", "is required: a list of 1 to " + MAX_INDICATORS
                    + " indicator values");
        }
        if (request.indicators().size() > MAX_INDICATORS) {
            throw new InvalidFieldException("indicators", "at most " + MAX_INDICATORS + " per request, got "
                    + request.indicators().size());
        }
        // Parsed here, so that bad values are reported at once; created by the workers, so that a long list is
        // accepted without waiting for thousands of inserts.
        List<BulkJob.ItemView> items = new ArrayList<>();
        for (int i = 0; i < request.indicators().size(); i++) {
            String input = request.indicators().get(i);
            String shown = input == null ? "" : input.length() > 200 ? input.substring(0, 197) + "..." : input;
            try {
                if (input == null || input.isBlank()) throw new InvalidIndicatorException("", "the value is empty");
                Indicator parsed = IndicatorParser.parse(input);
                items.add(new BulkJob.ItemView(i, shown, null, parsed.type().id(), parsed.value(),
                        BulkJob.ItemState.QUEUED, null, List.of()));
            } catch (InvalidIndicatorException e) {
                items.add(new BulkJob.ItemView(i, shown, null, null, null, BulkJob.ItemState.INVALID, e.getMessage(),
                        List.of()));
            }
        }
        BulkJob job = new BulkJob(UUID.randomUUID().toString(), actor, runner.now(), List.copyOf(playbooks.keySet()),
                items);
        remember(job);
        Map<String, Object> inputs = Boolean.TRUE.equals(request.createAssociated())
                ? Map.of("createAssociated", true) : Map.of();
        for (BulkJob.ItemView item : items) {
            if (item.state() == BulkJob.ItemState.INVALID) continue;
            // The workers start the runs as the requester: they carry the request's security context.
            threads.submit(new DelegatingSecurityContextRunnable(() -> process(job, item, playbooks, inputs, actor)));
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

    /** The requested playbook ids with the names of their inputs, in request order. */
    private Map<String, java.util.Set<String>> playbooks(Request request) {
        List<String> ids = request.playbooks() == null || request.playbooks().isEmpty() ? DEFAULT_PLAYBOOKS
                : request.playbooks();
        Map<String, java.util.Set<String>> out = new LinkedHashMap<>();
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                out.put(ids.get(i), runner.inputsOfIndicatorPlaybook("playbooks[" + i + "]", ids.get(i)));
            } catch (InvalidFieldException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return out;
    }

    private void process(BulkJob job, BulkJob.ItemView item, Map<String, java.util.Set<String>> playbooks,
            Map<String, Object> inputs, String requester) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Indicators.Ref ref = indicators.findOrCreate(requester, item.value()).indicator();
            item = new BulkJob.ItemView(item.position(), item.input(), ref.id(), ref.type(), ref.value(),
                    BulkJob.ItemState.RUNNING, null, List.of());
            job.update(item);
            List<BulkJob.RunView> runs = new ArrayList<>();
            boolean failed = false;
            for (var p : playbooks.entrySet()) {
                Map<String, Object> accepted = new LinkedHashMap<>();
                inputs.forEach((k, v) -> {
                    if (p.getValue().contains(k)) accepted.put(k, v);
                });
                PlaybookRunner.Result r = runner.runToEnd(p.getKey(), item.indicatorId(), accepted, requester);
                if (r == null) continue; // does not apply to this indicator's type
                Object report = r.outputs() == null ? null : r.outputs().get("reportId");
                runs.add(new BulkJob.RunView(p.getKey(), r.state().toLowerCase(java.util.Locale.ROOT),
                        report == null ? null : report.toString(), r.failure(), r.fromCache()));
                failed |= !r.completed();
            }
            String message = runs.isEmpty() ? "no requested playbook applies to a " + item.type() : null;
            job.update(with(item, failed ? BulkJob.ItemState.FAILED : BulkJob.ItemState.COMPLETED, message, runs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("bulk enrichment of indicator {} failed", item.indicatorId(), e);
            job.update(with(item, BulkJob.ItemState.FAILED, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), List.of()));
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
