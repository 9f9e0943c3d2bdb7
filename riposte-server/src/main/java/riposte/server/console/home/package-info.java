/** The console's start page: what needs attention now (waiting and failed runs, newest incidents, malicious indicators). */
package riposte.server.console.home;
