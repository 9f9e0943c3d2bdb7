package riposte.simulator.http;

/** Answers one routed, authorised request. Handlers run on virtual threads and must be thread-safe. */
@FunctionalInterface
public interface SimHandler {
    SimResponse handle(SimRequest request);
}
