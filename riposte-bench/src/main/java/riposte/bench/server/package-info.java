/** End-to-end benchmarks of the Riposte server's REST API, with the server started in-process. */
package riposte.bench.server;
