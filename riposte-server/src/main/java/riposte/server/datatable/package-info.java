/**
 * Data tables: definitions with typed columns (text, number, boolean, datetime, select) — the six SEP tables of the
 * Resilient integration guide are built in — and rows per incident, stored both as JSON and as one typed cell per
 * value so that any column can be filtered and sorted on the server; CSV export with formula injection neutralised.
 */
package riposte.server.datatable;
