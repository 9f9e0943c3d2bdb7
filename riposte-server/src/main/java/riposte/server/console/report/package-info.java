/**
 * The console's report pages: the list, and a report's page with its stored HTML shown in a sandboxed frame (no
 * scripts, no requests), its associations and the PDF and JSON downloads.
 */
package riposte.server.console.report;
