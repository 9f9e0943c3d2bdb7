package riposte.server.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import riposte.core.indicator.IndicatorType;
import riposte.server.audit.AuditLog;
import riposte.server.playbook.AutoEnrichmentPlaybooks;
import riposte.server.playbook.AutoEnrichmentPolicy;
import riposte.server.playbook.AutoEnrichmentRules;
import riposte.server.playbook.PlaybookSettings;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.InvalidFieldException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auto-enrichment rules: the configuration's ({@code riposte.playbooks.auto-enrichment.*}) until an admin saves
 * others, then those, until a reset. Rule triggers read {@link #current()}, a cached snapshot (see
 * {@link CachedSetting}: refreshed at once after a save on this node, within {@code riposte.settings.check-interval}
 * after a save on another). Saves and resets are validated (a 400 naming each bad key and what is accepted, nothing
 * written), at the version the caller read (a 409 otherwise), and audited as {@code setting auto-enrichment} with the
 * rules before and after.
 */
@Service
public class AutoEnrichmentSettings implements AutoEnrichmentPolicy {
    static final String KEY = "auto-enrichment";
    private static final String AUDIT_KIND = "setting";
    private static final Logger log = LoggerFactory.getLogger(AutoEnrichmentSettings.class);
    /** Human names of the sources playbook functions call (their prefix); others are shown by id. */
    private static final Map<String, String> SOURCE_NAMES = Map.of("ses", "Symantec Threat Intelligence",
            "sepm", "Symantec Endpoint Protection Manager");

    private final SettingsStore store;
    private final AutoEnrichmentPlaybooks playbooks;
    private final AuditLog audit;
    private final JsonMapper json;
    private final AutoEnrichmentRules configured;
    private final CachedSetting<AutoEnrichmentRules> cache;

    AutoEnrichmentSettings(SettingsStore store, AutoEnrichmentPlaybooks playbooks, AuditLog audit, JsonMapper json,
            PlaybookSettings playbookSettings, SettingsStoreSettings settings, Clock clock) {
        this.store = store;
        this.playbooks = playbooks;
        this.audit = audit;
        this.json = json;
        this.configured = AutoEnrichmentRules.of(playbookSettings.autoEnrichment());
        this.cache = new CachedSetting<>(store, KEY, stored -> decode(stored).orElse(configured), clock,
                settings.checkInterval());
    }

    /** The rules in force, from memory (see the class comment for how fresh). */
    @Override
    public AutoEnrichmentRules current() {
        return cache.get();
    }

    /** The rules in force as stored now (not cached), with their origin and version. */
    @Transactional(readOnly = true)
    public AutoEnrichmentView view() {
        return view(store.read(KEY));
    }

    /**
     * Replaces the rules.
     *
     * @throws InvalidFieldException naming each unknown source, indicator type or playbook (nothing is written)
     * @throws riposte.server.system.VersionConflictException if someone saved since {@code update.version()}
     */
    @Transactional
    public AutoEnrichmentView save(String actor, AutoEnrichmentUpdate update) {
        AutoEnrichmentRules rules = validate(update);
        return write(actor, "update", json.writeValueAsString(rules), update.version());
    }

    /** Drops the saved rules: the configuration's apply again. At {@code version}, as {@link #save}. */
    @Transactional
    public AutoEnrichmentView reset(String actor, long version) {
        return write(actor, "reset", null, version);
    }

    private AutoEnrichmentView write(String actor, String action, String valueJson, long version) {
        AutoEnrichmentView before = view();
        SettingsStore.Stored stored = store.write(KEY, valueJson, version, actor);
        AutoEnrichmentView after = view(Optional.of(stored));
        audit.record(actor, action, AUDIT_KIND, KEY, before.audited(), after.audited());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate();
            }
        });
        return after;
    }

    /** The update as complete rules (every known key named), or a 400 listing every unknown key. */
    private AutoEnrichmentRules validate(AutoEnrichmentUpdate update) {
        List<FieldProblem> problems = new ArrayList<>();
        Keys known = known();
        var sources = complete("sources", update.sources(), known.sources(), "source", problems);
        var types = complete("types", update.types(), known.types(), "indicator type", problems);
        var ruled = complete("playbooks", update.playbooks(), known.playbooks(), "auto-enrichment playbook", problems);
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return new AutoEnrichmentRules(update.enabled(), sources, types, ruled);
    }

    private static Map<String, Boolean> complete(String field, Map<String, Boolean> given, Set<String> accepted,
            String what, List<FieldProblem> problems) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        accepted.forEach(key -> out.put(key, true));
        if (given == null) return out;
        given.forEach((key, on) -> {
            if (!accepted.contains(key)) {
                problems.add(new FieldProblem(field + "." + key, "unknown " + what + " '" + key + "'; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted))));
            } else if (on == null) {
                problems.add(new FieldProblem(field + "." + key, "must be true or false"));
            } else {
                out.put(key, on);
            }
        });
        return out;
    }

    private AutoEnrichmentView view(Optional<SettingsStore.Stored> stored) {
        Optional<AutoEnrichmentRules> saved = decode(stored);
        AutoEnrichmentRules rules = saved.orElse(configured);
        Keys known = known();
        return new AutoEnrichmentView(rules.enabled(), switches(known.sources(), rules.sources()),
                switches(known.types(), rules.types()), switches(known.playbooks(), rules.playbooks()),
                saved.isPresent() ? AutoEnrichmentView.SAVED : AutoEnrichmentView.CONFIGURATION,
                stored.map(SettingsStore.Stored::version).orElse(0L),
                stored.map(SettingsStore.Stored::updatedBy).orElse(null),
                stored.map(SettingsStore.Stored::updatedAt).orElse(null),
                new AutoEnrichmentRules(configured.enabled(), switches(known.sources(), configured.sources()),
                        switches(known.types(), configured.types()), switches(known.playbooks(), Map.of())),
                new AutoEnrichmentView.Known(
                        known.sources().stream().map(s -> new AutoEnrichmentView.Named(s,
                                SOURCE_NAMES.getOrDefault(s, s))).toList(),
                        Arrays.stream(IndicatorType.values()).map(t -> new AutoEnrichmentView.Named(t.id(),
                                t.label())).toList(),
                        playbooks.list()));
    }

    /** Every known key with its switch (absent is on). */
    private static Map<String, Boolean> switches(Set<String> keys, Map<String, Boolean> given) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        keys.forEach(key -> out.put(key, AutoEnrichmentRules.on(given, key)));
        return out;
    }

    private Optional<AutoEnrichmentRules> decode(Optional<SettingsStore.Stored> stored) {
        String text = stored.map(SettingsStore.Stored::valueJson).orElse(null);
        if (text == null) return Optional.empty();
        try {
            return Optional.of(json.readValue(text, AutoEnrichmentRules.class));
        } catch (JacksonException e) {
            log.error("The saved auto-enrichment rules cannot be read ({}); the configuration's apply until an admin "
                    + "saves new ones", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** The keys each map may name, in the order they are shown. */
    private record Keys(Set<String> sources, Set<String> types, Set<String> playbooks) {}

    private Keys known() {
        return new Keys(playbooks.sources(),
                new LinkedHashSet<>(Arrays.stream(IndicatorType.values()).map(IndicatorType::id).toList()),
                new LinkedHashSet<>(playbooks.list().stream().map(AutoEnrichmentPlaybooks.Entry::id).toList()));
    }
}
