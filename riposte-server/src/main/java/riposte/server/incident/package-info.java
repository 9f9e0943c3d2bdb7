/** Incidents: the case an analyst works on, holding artifacts, notes, tasks, attachments and data-table rows. */
package riposte.server.incident;
