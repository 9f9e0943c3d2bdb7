/** Benchmarks of the STIX 2.1 writer ({@link riposte.core.interchange.StixBundleWriter}). */
package riposte.bench.interchange;
