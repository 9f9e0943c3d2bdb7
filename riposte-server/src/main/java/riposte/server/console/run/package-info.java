/**
 * The console's playbook runs: the list (filter by state and playbook), a run's page (inputs, outputs, the step log,
 * errors; live while it is not finished), cancelling, and deciding approvals. {@link riposte.server.console.run.RunForms}
 * is shared with the pages that start runs (the indicator page's playbook actions).
 */
package riposte.server.console.run;
