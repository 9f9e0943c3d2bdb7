package riposte.server.playbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.playbooks}.
 *
 * @param dir the folder of user playbooks ({@code *.yml}, {@code *.yaml}); env {@code RIPOSTE_PLAYBOOKS_DIR}
 * @param lease how long a node holds a run while advancing it; renewed every third of it while a step executes, so it
 *     bounds how long a run stalls after its node died before another node resumes it
 * @param safetyNet when the sweep looks at a run that was started (or approved) and advanced at once on its node: it
 *     finds it only if that node died before the run was leased (or with the lease, once that has run out)
 * @param rulesEnabled whether rule triggers (on new indicators and artifacts) fire at all
 * @param schedulesEnabled whether schedule triggers fire
 * @param scheduleMaxObjects the most objects one scheduled firing starts runs on (the rest are logged as skipped)
 * @param autoEnrichment which rule triggers of playbooks that call a source (auto-enrichment) fire
 * @param advanceConcurrency how many runs a node advances at once on its immediate path (the others queue in
 *     memory); keep it below the connection pool size so that starting runs and the API still get connections
 * @param sweepInterval how long the sweep (one node at a time) waits after one pass before the next: it advances the
 *     runs whose wake time (poll, retry, approval deadline) has come and those whose node died; a due run is picked
 *     up within this plus {@code db-scheduler.polling-interval}
 */
@ConfigurationProperties("riposte.playbooks")
public record PlaybookSettings(
        @DefaultValue("./data/playbooks") Path dir,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("10s") Duration safetyNet,
        @DefaultValue("true") boolean rulesEnabled,
        @DefaultValue("true") boolean schedulesEnabled,
        @DefaultValue("1000") int scheduleMaxObjects,
        @DefaultValue AutoEnrichment autoEnrichment,
        @DefaultValue("6") int advanceConcurrency,
        @DefaultValue("1s") Duration sweepInterval) {

    /**
     * Auto-enrichment: the rule triggers of playbooks whose steps call a source's functions ({@code ses.*} is the
     * source {@code ses}, Symantec Threat Intelligence). On by default; switch it off as a whole, per source (e.g.
     * {@code sources.ses=false}) or per indicator type (e.g. {@code types.url=false}) for sources with quotas. These
     * are the defaults: once an admin saves rules (settings API or console), those apply instead
     * ({@link AutoEnrichmentRules}, {@link AutoEnrichmentPolicy}).
     */
    public record AutoEnrichment(@DefaultValue("true") boolean enabled, Map<String, Boolean> sources,
            Map<String, Boolean> types) {
        public AutoEnrichment {
            sources = sources == null ? Map.of() : Map.copyOf(sources);
            types = types == null ? Map.of() : Map.copyOf(types);
        }
    }
}
