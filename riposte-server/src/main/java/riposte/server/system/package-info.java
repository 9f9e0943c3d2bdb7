/** What every feature of the server shares: paging, problem documents, the acting principal, SQL helpers. */
package riposte.server.system;
