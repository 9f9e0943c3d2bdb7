package riposte.server.artifact;

/**
 * Published inside the transaction that creates an artifact; listen with {@code @TransactionalEventListener} to act
 * once it committed, as playbook rules do.
 */
public record ArtifactCreated(long artifactId, long incidentId) {}
