/**
 * Durable playbook runs in the server: the playbook library (built-ins plus the user folder, each file validated on
 * its own), the objects playbooks run on, the durable engine that applies the core {@code Decider}'s decisions in
 * transactions on db-scheduler, triggers (manual, rules on new indicators and artifacts, schedules), the
 * {@link riposte.server.playbook.PlaybookService} the console uses, and the REST API under {@code /api/v1/playbooks}
 * and {@code /api/v1/runs}. The adapters of the engine's ports live in {@code riposte.server.playbook.ports}.
 */
package riposte.server.playbook;
