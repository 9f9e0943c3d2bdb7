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
}
