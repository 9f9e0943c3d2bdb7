package riposte.server.indicator;

import java.util.Set;

/**
 * Published inside the transaction that creates an indicator (not when create-or-get finds an existing one); listen
 * with {@code @TransactionalEventListener} to act once it committed, as playbook rules do.
 *
 * @param indicatorId  the new indicator
 * @param runByCreator the playbooks its creator runs on it itself (a bulk enrichment job's), which a rule must not
 *                     start a second time
 */
public record IndicatorCreated(long indicatorId, Set<String> runByCreator) {
    public IndicatorCreated {
        runByCreator = Set.copyOf(runByCreator);
    }

    public IndicatorCreated(long indicatorId) {
        this(indicatorId, Set.of());
    }
}
