/** Benchmarks of the durable playbook engine in the server; results in docs/benchmarks.md. */
package riposte.bench.playbook;
