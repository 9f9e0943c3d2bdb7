/** End-to-end enrichment benchmarks through the server: REST, durable runs, ports, SES client and simulator. */
package riposte.bench.enrichment;
