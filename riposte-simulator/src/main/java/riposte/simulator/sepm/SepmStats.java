package riposte.simulator.sepm;

import java.time.Instant;
import riposte.simulator.http.SimStats;

/**
 * What a {@link SepmSimulator} has done: the HTTP counters of the shared base plus SEPM state.
 *
 * @param http             calls per route, 429s, injected 5xx, tokens issued, 401s
 * @param endpoints        fleet size
 * @param commands         commands queued so far (cancel commands included)
 * @param fingerprintLists fingerprint lists that exist now
 * @param clock            the simulated time
 */
public record SepmStats(SimStats http, int endpoints, int commands, int fingerprintLists, Instant clock) {
}
