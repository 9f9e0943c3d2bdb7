package riposte.server.playbook;

/**
 * A playbook for one object: whether it applies now (its activation condition holds; {@code reason} says why not,
 * e.g. a condition that failed to evaluate) and its latest run on that object, if any (without the step log).
 */
public record ApplicablePlaybook(PlaybookView playbook, boolean applicable, String reason, RunView latestRun) {}
