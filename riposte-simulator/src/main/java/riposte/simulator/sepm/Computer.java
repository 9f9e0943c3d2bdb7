package riposte.simulator.sepm;

/**
 * The seeded, immutable part of one simulated endpoint; derived from the seed and its index on
 * demand. Mutable facts (group after a move, quarantine, removed files) live elsewhere.
 */
record Computer(int index, String uniqueId, String hardwareKey, String agentId, String computerName,
                OsProfile os, String ip, String mac, String user, String agentVersion, String avDefsetVersion,
                boolean online, int seededGroup, long creationTime, long lastUpdateTime, long lastScanTime,
                long lastVirusTime, boolean hostIntegrityPassed, int apOnOff, int firewallOnOff, int tamperOnOff,
                long memory, String processorType, int timeZone) {

    /** Online agents check in this often (real ones every few minutes, per their heartbeat setting). */
    static final long HEARTBEAT_MILLIS = 300_000;

    /**
     * When the agent last checked in, as of {@code nowMillis} on the simulator clock: an online agent's seeded
     * check-in advances by whole heartbeats (so a client with a 15-minute out-of-date threshold sees it current);
     * an offline agent's stays where it stopped. Deterministic: a function of the seed and the clock.
     */
    long lastUpdateTime(long nowMillis) {
        if (!online || nowMillis <= lastUpdateTime) {
            return lastUpdateTime;
        }
        return lastUpdateTime + (nowMillis - lastUpdateTime) / HEARTBEAT_MILLIS * HEARTBEAT_MILLIS;
    }
}
