/**
 * Declarative playbooks: the YAML definition model ({@link riposte.core.playbook.PlaybookDefinition} and its
 * {@link riposte.core.playbook.Step}s), the location-aware loader and validator
 * ({@link riposte.core.playbook.PlaybookLoader}), CEL conditions ({@link riposte.core.playbook.Expressions}), run
 * records ({@link riposte.core.playbook.PlaybookRun}, {@link riposte.core.playbook.StepRun}), the pure
 * {@link riposte.core.playbook.Decider} and the in-memory {@link riposte.core.playbook.PlaybookEngine} that applies its
 * decisions against small ports. Durable execution lives in the server.
 */
package riposte.core.playbook;
