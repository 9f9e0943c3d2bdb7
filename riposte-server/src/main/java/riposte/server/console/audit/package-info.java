/** The console's audit log view (admins only): every recorded change and action, filtered, newest first. */
package riposte.server.console.audit;
