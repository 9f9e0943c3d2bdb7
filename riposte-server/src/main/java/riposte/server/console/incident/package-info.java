/**
 * The console's incident pages: the incident list (filters, paging, create), the incident page with its tabs —
 * summary (optimistic-lock edit), artifacts, notes, attachments, playbook runs, and one tab per group of data tables
 * (the definition's {@code group}) — and data tables paged, sorted and filtered on the server with htmx, exported as
 * CSV and updated live. Artifacts and rows have action menus of the playbooks that apply to them. Rendered from the
 * feature services ({@code incident}, {@code artifact}, {@code note}, {@code attachment}, {@code datatable}), never over
 * HTTP; see {@code docs/console.md}, section "Incidents".
 */
package riposte.server.console.incident;
