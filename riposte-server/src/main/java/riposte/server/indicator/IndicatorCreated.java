package riposte.server.indicator;

/**
 * Published inside the transaction that creates an indicator (not when create-or-get finds an existing one); listen
 * with {@code @TransactionalEventListener} to act once it committed, as playbook rules do.
 */
public record IndicatorCreated(long indicatorId) {}
