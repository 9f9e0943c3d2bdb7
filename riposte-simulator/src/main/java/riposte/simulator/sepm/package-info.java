/**
 * The SEPM simulator: a stateful, seeded stand-in for the Symantec Endpoint Protection Manager REST API
 * ({@code reference/sepm-rest-api.md}), served over HTTPS on loopback by {@link riposte.simulator.sepm.SepmSimulator}.
 *
 * <p>Per-computer data (names, addresses, OS, versions, file inventories) is derived from the seed and the computer
 * index on demand; only mutations (moves) and commands are stored. Command states, removed files, quarantine and
 * uploaded files are functions of the stored commands and the simulated clock.
 */
package riposte.simulator.sepm;
