/**
 * Reports: a title, when it was generated, an HTML body and a JSON body, associated with indicators and incidents.
 * Playbooks write them; analysts read them as HTML (under a strict CSP), JSON or PDF (rendered from the HTML).
 */
package riposte.server.report;
