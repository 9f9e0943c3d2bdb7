/**
 * The allow-list in the server: entries in the database ({@code allow_list_entries}, Flyway V8), the REST API
 * {@code /api/v1/allowlist} (read and check: analysts; changes: admins; every change audited), and
 * {@link riposte.server.allowlist.AllowListService}, the one place the rest of the server asks "is this
 * allow-listed, and why?". It keeps the core {@link riposte.core.allowlist.AllowList} index in memory and rebuilds it
 * when the entries change here (at once), when an entry expires, or when another server on the same database changed
 * them (a stamp row, compared with one primary-key read at most every {@code riposte.settings.check-interval}).
 *
 * <p>Who asks today: artifact creation (flags the artifact with the entry's reason unless the caller said),
 * rule-triggered playbooks that call a source (not started on an allow-listed object), bulk enrichment (the item is
 * reported as skipped with the reason), and the playbook subjects ({@code indicator.allowlisted},
 * {@code artifact.allowlisted} in CEL conditions, which response playbooks must check). E-mail ingestion, when it
 * exists, calls {@link riposte.server.allowlist.AllowListService#match(riposte.core.indicator.Indicator)} for every
 * indicator it extracts, before it creates artifacts or starts anything.
 */
package riposte.server.allowlist;
