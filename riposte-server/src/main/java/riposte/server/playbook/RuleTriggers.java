package riposte.server.playbook;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import riposte.core.playbook.ExpressionException;
import riposte.core.playbook.InputValues;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.Step;
import riposte.core.playbook.Trigger;
import riposte.core.playbook.TriggerSpec;
import riposte.server.allowlist.AllowListService;
import riposte.server.artifact.ArtifactCreated;
import riposte.server.indicator.IndicatorCreated;
import riposte.server.system.Actor;

/**
 * Rule triggers: once a new indicator or artifact is committed, every playbook for its kind with a {@code rule}
 * trigger whose condition (and the playbook's activation condition) holds starts a run on it, by {@code system},
 * with the rule as the reason. Rules of playbooks that call a source's functions are auto-enrichment and obey the
 * {@link AutoEnrichmentRules} in force ({@link AutoEnrichmentPolicy}: saved by an admin, or the configuration's
 * {@code riposte.playbooks.auto-enrichment.*}), and skip allow-listed objects. The work happens on a virtual thread,
 * so creating the object does not wait for it.
 */
@Component
class RuleTriggers {
    private static final Logger log = LoggerFactory.getLogger(RuleTriggers.class);

    private final PlaybookLibrary library;
    private final PlaybookSubjects subjects;
    private final PlaybookService service;
    private final RunDispatcher dispatcher;
    private final PlaybookSettings settings;
    private final AutoEnrichmentPolicy autoEnrichment;
    private final AllowListService allowList;

    RuleTriggers(PlaybookLibrary library, PlaybookSubjects subjects, PlaybookService service, RunDispatcher dispatcher,
            PlaybookSettings settings, AutoEnrichmentPolicy autoEnrichment, AllowListService allowList) {
        this.allowList = allowList;
        this.library = library;
        this.subjects = subjects;
        this.service = service;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.autoEnrichment = autoEnrichment;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void indicatorCreated(IndicatorCreated event) {
        ObjectRef ref = new ObjectRef(ObjectKind.INDICATOR, null, String.valueOf(event.indicatorId()));
        if (settings.rulesEnabled()) dispatcher.submit(() -> fire(ref, event.runByCreator()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void artifactCreated(ArtifactCreated event) {
        later(new ObjectRef(ObjectKind.ARTIFACT, null, String.valueOf(event.artifactId())));
    }

    private void later(ObjectRef ref) {
        if (settings.rulesEnabled()) dispatcher.submit(() -> fire(ref));
    }

    /** Starts the runs the rules call for on the new object; returns how many. */
    int fire(ObjectRef ref) {
        return fire(ref, Set.of());
    }

    /**
     * As {@link #fire(ObjectRef)}, leaving out the playbooks the object's creator runs on it itself (a bulk job's: the
     * job is durable and resumes them after a restart, so a rule's run would only repeat its lookups).
     */
    int fire(ObjectRef ref, Set<String> runByCreator) {
        PlaybookSubject subject = subjects.load(ref).orElse(null);
        if (subject == null) return 0; // deleted before we got to it
        int started = 0;
        AutoEnrichmentRules rules = autoEnrichment.current(); // one snapshot for the whole object
        for (PlaybookDefinition d : library.all()) {
            if (!d.target().accepts(ref.kind(), ref.table()) || runByCreator.contains(d.id())) continue;
            for (TriggerSpec t : d.triggers()) {
                if (t instanceof TriggerSpec.Rule rule && matches(d, rule, subject) && allowed(rules, d, subject)
                        && !allowListed(d, subject)) {
                    started += start(d, rule, subject) ? 1 : 0;
                    break;
                }
            }
        }
        return started;
    }

    private boolean matches(PlaybookDefinition d, TriggerSpec.Rule rule, PlaybookSubject subject) {
        try {
            return library.catalog().isApplicable(d, subject) && library.expressions().condition(rule.condition())
                    .test(Map.of(subject.ref().kind().variable(), subject.data()));
        } catch (ExpressionException e) {
            log.warn("Rule of playbook {} could not be evaluated for {}: {}", d.id(), subject.ref(), e.getMessage());
            return false;
        }
    }

    /** Auto-enrichment switches: a playbook that calls no source is not auto-enrichment and always allowed. */
    private static boolean allowed(AutoEnrichmentRules rules, PlaybookDefinition d, PlaybookSubject subject) {
        Set<String> sources = sources(d);
        Object type = subject.data().get("type");
        return sources.isEmpty() || rules.allows(d.id(), sources, type == null ? null : type.toString());
    }

    /**
     * The allow-list: a playbook that calls a source (enrichment, response) is not started by a rule on an
     * allow-listed object; that is audited ({@code skip}) and logged, not a failed run. Others (notes, tasks) are.
     */
    private boolean allowListed(PlaybookDefinition d, PlaybookSubject subject) {
        if (!Boolean.TRUE.equals(subject.data().get("allowlisted")) || sources(d).isEmpty()) return false;
        String because = String.valueOf(subject.data().get("allowlistReason"));
        log.info("Rule of playbook {} not started on {}: allow-listed, {}", d.id(), subject.ref(), because);
        allowList.recordSkipped(subject.ref().kind().variable(), subject.ref().id(), d.id(), because);
        return true;
    }

    /** The sources a playbook calls: the prefix of its functions ({@code ses.fileInsight} → {@code ses}). */
    static Set<String> sources(PlaybookDefinition d) {
        Set<String> sources = new LinkedHashSet<>();
        for (Step s : d.allSteps()) {
            String function = s instanceof Step.Call c ? c.function() : s instanceof Step.Poll p ? p.function() : null;
            if (function != null) sources.add(function.contains(".") ? function.substring(0, function.indexOf('.'))
                    : function);
        }
        return sources;
    }

    private boolean start(PlaybookDefinition d, TriggerSpec.Rule rule, PlaybookSubject subject) {
        Map<String, Object> inputs;
        try {
            inputs = InputValues.resolve(d, Map.of());
        } catch (IllegalArgumentException e) {
            log.warn("Rule of playbook {} not started on {}: {}", d.id(), subject.ref(), e.getMessage());
            return false;
        }
        service.start(d, subject, inputs, new Trigger(Trigger.Kind.RULE, Actor.SYSTEM, "rule '" + rule.condition()
                + "' on new " + subject.ref().kind().variable() + " " + subject.ref().id()));
        return true;
    }
}
