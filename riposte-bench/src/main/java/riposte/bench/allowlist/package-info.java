/** Benchmarks of the core allow-list index ({@link riposte.core.allowlist.AllowList}). */
package riposte.bench.allowlist;
