/**
 * The console's indicator pages: the list with search, filters and paging; adding indicators by pasting text; the
 * indicator page with its attributes, tags, reports and playbook actions.
 */
package riposte.server.console.indicator;
