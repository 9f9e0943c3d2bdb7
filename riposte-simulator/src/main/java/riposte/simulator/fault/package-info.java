/**
 * One-shot faults that tests enqueue on a simulator, in the style of OkHttp MockWebServer's {@code SocketPolicy}:
 * a status (429 with {@code Retry-After}, 5xx), a stall, a slow body, a dropped connection, an expired token or a
 * regional redirect, applied to the next matching request(s).
 */
package riposte.simulator.fault;
