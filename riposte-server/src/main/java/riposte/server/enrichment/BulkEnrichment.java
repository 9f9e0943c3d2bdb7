package riposte.server.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.server.allowlist.AllowListEntryView;
import riposte.server.allowlist.AllowListService;
import riposte.server.indicator.Indicators;
import riposte.server.security.Role;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.Sql;

/**
 * Bulk enrichment: parse a list of indicator texts, create the indicators, and run the enrichment playbooks on each
 * (allow-listed ones are skipped: reported with the entry's reason, neither created nor enriched),
 * at most {@value #INDICATORS_PER_REQUEST_SLOT} × {@code riposte.ses.max-concurrency} indicators at a time. Every
 * Threat Intel call waits behind the credential's rate governor (requests wait, they are not rejected), and sections
 * fresh in the cache are not asked again. Each playbook is a durable run ({@link PlaybookRunner}), started as the
 * requester.
 *
 * <p>Jobs are stored ({@link BulkJobRepository}): progress is counted from the items, so {@code GET} answers the same
 * after a restart and on every server of the database. The node that accepted a job works on it under a lease
 * ({@value #LEASE_SECONDS} s, renewed every third of it); when that node stops (it releases its leases) or dies (the
 * lease runs out), a node takes the job over: it waits for the runs already started (recorded on the item, or found
 * among the indicator's runs since the job began) and starts the rest, as the requester with the analyst role the
 * request needed. The last {@value #KEPT_JOBS} jobs are kept.
 */
@Service
class BulkEnrichment implements SmartLifecycle {
    static final int MAX_INDICATORS = 10_000;
    /** Playbooks one job may run on each indicator (there are 18 built-ins). */
    static final int MAX_PLAYBOOKS = 50;
    static final int KEPT_JOBS = 100;
    /** Indicators a bulk job works on at once per SES request slot ({@code riposte.ses.max-concurrency}). */
    static final int INDICATORS_PER_REQUEST_SLOT = 4;
    /** Used when the request names no playbooks: each indicator gets those that apply to its type. */
    static final List<String> DEFAULT_PLAYBOOKS = List.of("ses-file-insight", "ses-file-protection",
            "ses-network-insight", "ses-network-protection", "ses-cve-protection");
    /**
     * How long a node holds a job it works on: a job whose node died resumes elsewhere within this. Long enough that
     * a node under load renews it in time (every third), short enough that nobody waits long for a dead node's job.
     */
    static final long LEASE_SECONDS = 30;
    private static final Duration LEASE = Duration.ofSeconds(LEASE_SECONDS);
    private static final Logger log = LoggerFactory.getLogger(BulkEnrichment.class);

    /** What the workers of one job need: the job and, per playbook, the inputs it accepts. */
    private record Work(BulkJob.Spec spec, Map<String, Map<String, Object>> inputs) {}

    private final String node = "bulk-" + UUID.randomUUID();
    private final Indicators indicators;
    private final PlaybookRunner runner;
    private final BulkJobRepository jobs;
    private final AllowListService allowList;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /** Jobs this node works on, with how many of their items are still to finish here. */
    private final ConcurrentMap<String, AtomicInteger> working = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    BulkEnrichment(Indicators indicators, PlaybookRunner runner, BulkJobRepository jobs, SesSettings settings,
            Clock clock, AllowListService allowList) {
        this.indicators = indicators;
        this.allowList = allowList;
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
        // More indicators in flight than SES requests: most of a run is not the request (the client and the governor
        // bound those), so the requests are kept busy. Fair: in input order.
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrency() * INDICATORS_PER_REQUEST_SLOT), true);
    }

    /** A bulk request: indicator texts (defanged forms accepted), optional playbook ids and Related option. */
    record Request(List<String> indicators, List<String> playbooks, Boolean createAssociated) {}

    BulkJob.View start(String actor, Request request) {
        List<String> playbookIds = request.playbooks() == null || request.playbooks().isEmpty() ? DEFAULT_PLAYBOOKS
                : request.playbooks();
        if (playbookIds.size() > MAX_PLAYBOOKS) {
            throw new InvalidFieldException("playbooks", "at most " + MAX_PLAYBOOKS + " per request, got "
                    + playbookIds.size());
        }
        boolean createAssociated = Boolean.TRUE.equals(request.createAssociated());
        Map<String, Map<String, Object>> inputs = inputs(playbookIds, createAssociated);
        if (request.indicators() == null || request.indicators().isEmpty()) {
            throw new InvalidFieldException("indicators", "is required: a list of 1 to " + MAX_INDICATORS
                    + " indicator values");
        }
        if (request.indicators().size() > MAX_INDICATORS) {
            throw new InvalidFieldException("indicators", "at most " + MAX_INDICATORS + " per request, got "
                    + request.indicators().size());
        }
        List<BulkJob.ItemView> items = parse(request.indicators(), allowList.matcher());
        BulkJob.Spec spec = new BulkJob.Spec(UUID.randomUUID().toString(), actor, Sql.now(clock),
                List.copyOf(inputs.keySet()), createAssociated);
        jobs.insert(spec, items, node, Sql.now(clock).plus(LEASE));
        jobs.prune(KEPT_JOBS);
        // The workers start the runs as the requester: they carry the request's security context.
        dispatch(new Work(spec, inputs), items, false, SecurityContextHolder.getContext());
        return accepted(spec, items);
    }

    /** The job as just stored (not read back: the workers are already busy with the database). */
    private static BulkJob.View accepted(BulkJob.Spec spec, List<BulkJob.ItemView> items) {
        int invalid = (int) items.stream().filter(i -> i.state() == BulkJob.ItemState.INVALID).count();
        int skipped = (int) items.stream().filter(i -> i.state() == BulkJob.ItemState.SKIPPED).count();
        int queued = items.size() - invalid - skipped;
        return new BulkJob.View(spec.id(), queued == 0 ? "completed" : "queued", spec.createdBy(), spec.createdAt(),
                queued == 0 ? spec.createdAt() : null, items.size(), invalid, queued, 0, 0, 0, skipped, 0,
                spec.playbooks(), items);
    }

    /** The job with its counts, and its items when {@code withItems}; a 404 if unknown. */
    BulkJob.View view(String id, boolean withItems) {
        return jobs.view(id, withItems).orElseThrow(() -> new NotFoundException("bulk enrichment", id));
    }

    /**
     * Parsed here, so that bad values are reported at once; created by the workers, so that a long list is accepted
     * without waiting for thousands of inserts. An allow-listed value is skipped with the entry's reason.
     */
    private static List<BulkJob.ItemView> parse(List<String> values,
            Function<Indicator, Optional<AllowListEntryView>> allowListed) {
        List<BulkJob.ItemView> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String input = values.get(i);
            String shown = input == null ? "" : input.length() > 200 ? input.substring(0, 197) + "..." : input;
            try {
                if (input == null || input.isBlank()) throw new InvalidIndicatorException("", "the value is empty");
                Indicator parsed = IndicatorParser.parse(input);
                Optional<AllowListEntryView> entry = allowListed.apply(parsed);
                items.add(new BulkJob.ItemView(i, shown, null, parsed.type().id(), parsed.value(),
                        entry.isPresent() ? BulkJob.ItemState.SKIPPED : BulkJob.ItemState.QUEUED,
                        entry.map(e -> "allow-listed: " + e.because()).orElse(null), List.of()));
            } catch (InvalidIndicatorException e) {
                items.add(new BulkJob.ItemView(i, shown, null, null, null, BulkJob.ItemState.INVALID, e.getMessage(),
                        List.of()));
            }
        }
        return items;
    }

    /** Per requested playbook (in request order), the inputs of the request that it accepts. */
    private Map<String, Map<String, Object>> inputs(List<String> ids, boolean createAssociated) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                Set<String> names = runner.inputsOfIndicatorPlaybook("playbooks[" + i + "]", ids.get(i));
                out.put(ids.get(i), createAssociated && names.contains("createAssociated")
                        ? Map.of("createAssociated", true) : Map.of());
            } catch (InvalidFieldException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return out;
    }

    private void dispatch(Work work, List<BulkJob.ItemView> items, boolean resumed, SecurityContext context) {
        List<BulkJob.ItemView> open = items.stream().filter(i -> i.state().open()).toList();
        if (open.isEmpty()) {
            jobs.finishIfIdle(work.spec().id(), Sql.now(clock));
            return;
        }
        working.put(work.spec().id(), new AtomicInteger(open.size()));
        for (BulkJob.ItemView item : open) {
            threads.submit(new DelegatingSecurityContextRunnable(() -> process(work, item, resumed), context));
        }
    }

    private void process(Work work, BulkJob.ItemView item, boolean resumed) {
        String jobId = work.spec().id();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean ended = false;
        try {
            enrich(work, item, resumed);
            ended = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the item stays open for the node that takes the job over
        } catch (RuntimeException e) {
            if (threads.isShutdown()) return; // stopping (a database call was cut short): as above
            log.warn("bulk enrichment of indicator {} failed", item.value(), e);
            jobs.save(jobId, item.with(BulkJob.ItemState.FAILED, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), item.runs()));
            ended = true;
        } finally {
            slots.release();
        }
        AtomicInteger left = working.get(jobId);
        if (ended && left != null && left.decrementAndGet() == 0) {
            working.remove(jobId);
            jobs.finishIfIdle(jobId, Sql.now(clock));
        }
    }

    /** Runs the item's playbooks, recording each run as it starts and ends. */
    private void enrich(Work work, BulkJob.ItemView queued, boolean resumed) throws InterruptedException {
        String jobId = work.spec().id();
        BulkJob.ItemView item = queued;
        if (item.indicatorId() == null) {
            Indicators.Ref ref = indicators.findOrCreate(work.spec().createdBy(), item.value(),
                    work.inputs().keySet()).indicator();
            item = new BulkJob.ItemView(item.position(), item.input(), ref.id(), ref.type(), ref.value(),
                    BulkJob.ItemState.RUNNING, null, item.runs());
        } else {
            item = item.with(BulkJob.ItemState.RUNNING, null, item.runs());
        }
        if (!jobs.save(jobId, item)) return; // already ended (another node finished it)
        List<BulkJob.RunView> runs = new ArrayList<>(item.runs());
        boolean failed = false;
        for (var p : work.inputs().entrySet()) {
            int at = indexOf(runs, p.getKey());
            if (at < 0 || !runs.get(at).ended()) {
                String runId = at >= 0 ? runs.get(at).runId()
                        : resumed ? runner.startedSince(p.getKey(), item.indicatorId(), work.spec().createdAt()) : null;
                if (runId == null) runId = runner.start(p.getKey(), item.indicatorId(), p.getValue(),
                        work.spec().createdBy());
                if (runId == null) continue; // does not apply to this indicator's type
                if (at < 0) {
                    runs.add(new BulkJob.RunView(p.getKey(), runId, BulkJob.RunView.RUNNING, null, null, false));
                    at = runs.size() - 1;
                    jobs.save(jobId, item.with(BulkJob.ItemState.RUNNING, null, runs));
                }
                PlaybookRunner.Result r = runner.await(runId);
                Object report = r.outputs() == null ? null : r.outputs().get("reportId");
                runs.set(at, new BulkJob.RunView(p.getKey(), runId, r.state().toLowerCase(Locale.ROOT),
                        report == null ? null : report.toString(), r.failure(), r.fromCache()));
            }
            failed |= !"completed".equals(runs.get(at).state());
        }
        String message = runs.isEmpty() ? "no requested playbook applies to a " + item.type() : null;
        jobs.save(jobId, item.with(failed ? BulkJob.ItemState.FAILED : BulkJob.ItemState.COMPLETED, message, runs));
    }

    private static int indexOf(List<BulkJob.RunView> runs, String playbook) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).playbook().equals(playbook)) return i;
        }
        return -1;
    }

    /** Renews this node's leases, then takes over the jobs whose node stopped or died. */
    private void tick() {
        try {
            var now = Sql.now(clock);
            jobs.renew(node, now.plus(LEASE));
            for (String id : jobs.claimAbandoned(node, now, now.plus(LEASE))) {
                if (!working.containsKey(id)) resume(id);
            }
        } catch (RuntimeException e) {
            log.warn("bulk enrichment lease check failed; trying again in {} s", LEASE_SECONDS / 3, e);
        }
    }

    private void resume(String id) {
        BulkJob.Spec spec = jobs.spec(id).orElse(null);
        if (spec == null) return;
        List<BulkJob.ItemView> open = jobs.openItems(id);
        Map<String, Map<String, Object>> inputs;
        try {
            inputs = inputs(spec.playbooks(), spec.createAssociated());
        } catch (InvalidFieldException e) {
            String why = "not resumed: " + e.problems().getFirst().message();
            open.forEach(i -> jobs.save(id, i.with(BulkJob.ItemState.FAILED, why, i.runs())));
            jobs.finishIfIdle(id, Sql.now(clock));
            return;
        }
        log.info("Resuming bulk enrichment {} of {}: {} items open", id, spec.createdBy(), open.size());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(spec.createdBy(), null,
                List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
        dispatch(new Work(spec, inputs), open, true, context);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bulk-enrichment-lease").daemon()
                .factory());
        long every = LEASE.toMillis() / 3;
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        timer = null;
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) log.warn("bulk enrichment workers did not stop in 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jobs.release(node);
        } catch (RuntimeException e) {
            log.warn("could not release the bulk enrichment leases; another node takes the jobs over within {} s",
                    LEASE_SECONDS, e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
