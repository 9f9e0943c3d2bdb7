/** How fast the web console's pages render on the server with a realistic amount of data; see {@link riposte.bench.console.ConsolePageBenchmark}. */
package riposte.bench.console;
