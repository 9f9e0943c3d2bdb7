/** Notes: free-text remarks on an incident. */
package riposte.server.note;
