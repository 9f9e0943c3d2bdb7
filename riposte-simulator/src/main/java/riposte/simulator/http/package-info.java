/**
 * A small HTTP server base shared by the simulators: the JDK {@code HttpServer} on loopback with one virtual thread
 * per request, routing by path (exact or prefix), bearer-token checks, JSON replies, a bounded request journal,
 * latency, rate-limit, random 5xx and one-shot fault injection, and {@code /_sim/stats}.
 *
 * <p>Start with {@link riposte.simulator.http.SimServer}; handlers see a {@link riposte.simulator.http.SimRequest}
 * and return a {@link riposte.simulator.http.SimResponse}, usually built with
 * {@link riposte.simulator.http.JsonWriter}.
 */
package riposte.simulator.http;
