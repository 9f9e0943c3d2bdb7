package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole simulated SEPM state behind the HTTP routes: clock, ids, domains and groups, fleet,
 * inventories, command queue and fingerprint lists, plus the queries that combine them.
 */
final class SepmModel {
    final SimClock clock;
    final Ids ids;
    final GroupTree groups;
    final Fleet fleet;
    final Inventory inventory;
    final CommandQueue queue;
    final Fingerprints fingerprints;
    private int[] groupCounts;
    private long groupCountsVersion = -1;

    SepmModel(SimClock clock, long seed, int endpoints, double offlineFraction, List<String> maliciousSha256s,
              double maliciousFraction, long minAgentDelayMs, long maxAgentDelayMs) {
        this(clock, seed, endpoints, offlineFraction, maliciousSha256s, maliciousFraction, minAgentDelayMs,
                maxAgentDelayMs, java.util.Map.of());
    }

    SepmModel(SimClock clock, long seed, int endpoints, double offlineFraction, List<String> maliciousSha256s,
              double maliciousFraction, long minAgentDelayMs, long maxAgentDelayMs,
              java.util.Map<String, byte[]> planted) {
        this.clock = clock;
        this.ids = new Ids(seed);
        this.groups = new GroupTree(ids, clock.startMillis());
        this.fleet = new Fleet(endpoints, seed, offlineFraction, clock.startMillis(), ids, groups);
        this.inventory = new Inventory(seed, maliciousSha256s, maliciousFraction, planted);
        this.queue = new CommandQueue(ids, seed, fleet, inventory, minAgentDelayMs, maxAgentDelayMs);
        this.fingerprints = new Fingerprints(ids, groups);
    }

    long now() {
        return clock.millis();
    }

    GroupTree.Group groupOf(Computer c) {
        return groups.group(fleet.groupOf(c));
    }

    boolean quarantined(int index) {
        return queue.quarantinedAt(index, now());
    }

    List<InventoryFile> filesNow(int index) {
        return queue.filesAt(index, now(), null);
    }

    /** Computers per group index, recomputed only after a move. */
    synchronized int[] groupCounts() {
        if (groupCountsVersion != fleet.version()) {
            int[] counts = new int[groups.groups().size()];
            for (int i = 0; i < fleet.size(); i++) {
                counts[fleet.groupOf(i)]++;
            }
            groupCounts = counts;
            groupCountsVersion = fleet.version();
        }
        return groupCounts;
    }

    /** Unique ids of the computers that hold a file with this MD5, SHA-1 or SHA-256 now. */
    List<String> computersHolding(String hash) {
        String h = hash.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            for (InventoryFile f : filesNow(i)) {
                if (h.equals(f.sha256()) || h.equals(f.sha1()) || h.equals(f.md5())) {
                    out.add(fleet.computer(i).uniqueId());
                    break;
                }
            }
        }
        return out;
    }
}
