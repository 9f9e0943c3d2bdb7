package riposte.simulator.sepm;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The seeded fleet of computers. Nothing is stored per computer except mutations (moves): a
 * {@link Computer} is rebuilt from {@code seed + index} each time it is needed, so 50 000 endpoints
 * take almost no heap.
 */
final class Fleet {
    private static final String[] USERS = {
        "Administrator", "jsmith", "mgarcia", "lchen", "akumar", "opetrov", "swilliams", "nkowalski", "tnguyen",
        "ebrown", "rsilva", "kmueller", "ajohnson", "pdubois", "ymori", "root",
    };
    private static final String[] AGENT_VERSIONS = {"14.3.8289.5000", "14.3.9210.6000", "14.3.10148.8000"};
    private static final String[] PROCESSORS = {
        "Intel64 Family 6 Model 85 Stepping 7", "Intel64 Family 6 Model 158 Stepping 10",
        "AMD64 Family 23 Model 49 Stepping 0",
    };
    private static final String NAME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private final int size;
    private final long seed;
    private final double offlineFraction;
    private final long startMillis;
    private final Ids ids;
    private final GroupTree groups;
    private final ConcurrentHashMap<Integer, Integer> movedTo = new ConcurrentHashMap<>();
    private volatile long version;
    private volatile int[] seededGroups;

    Fleet(int size, long seed, double offlineFraction, long startMillis, Ids ids, GroupTree groups) {
        this.size = size;
        this.seed = seed;
        this.offlineFraction = offlineFraction;
        this.startMillis = startMillis;
        this.ids = ids;
        this.groups = groups;
    }

    int size() {
        return size;
    }

    /** Bumped by every mutation; caches of filtered views key on it. */
    long version() {
        return version;
    }

    Computer computer(int index) {
        SplittableRandom rnd = new SplittableRandom(Ids.mix(seed * 0x2545F4914F6CDD1DL + index));
        OsProfile os = OsProfile.pick(rnd.nextDouble());
        StringBuilder name = new StringBuilder(switch (os.family()) {
            case "WINDOWS" -> os.server() ? "SRV-" : "WIN-";
            case "LINUX" -> "lnx-";
            default -> "mac-";
        });
        for (int i = 0; i < 8; i++) {
            name.append(NAME_ALPHABET.charAt(rnd.nextInt(NAME_ALPHABET.length())));
        }
        String computerName = os.family().equals("WINDOWS") ? name.toString() : name.toString().toLowerCase();
        // Unique per index: 10.<hi>.<mid>.<lo> with lo in 1..254.
        int host = index;
        String ip = "10." + (host / (254 * 256)) % 256 + "." + (host / 254) % 256 + "." + (host % 254 + 1);
        long macBits = Ids.mix(seed ^ (index * 0x9E3779B97F4A7C15L));
        String mac = "00-50-56-%02X-%02X-%02X".formatted((macBits >>> 16) & 0xFF, (macBits >>> 8) & 0xFF, macBits & 0xFF);
        double groupDraw = rnd.nextDouble();
        String user = USERS[rnd.nextInt(USERS.length)];
        if (!os.family().equals("WINDOWS") && user.equals("Administrator")) {
            user = "root";
        }
        boolean online = online(index);
        long creation = startMillis - (30L + rnd.nextInt(700)) * 86_400_000L;
        long lastUpdate = startMillis - (online ? rnd.nextInt(600_000) : (1L + rnd.nextInt(30)) * 86_400_000L);
        long lastScan = lastUpdate - rnd.nextInt(86_400_000);
        long lastVirus = rnd.nextDouble() < 0.3 ? lastScan - rnd.nextLong(90L * 86_400_000L) : 0;
        String avDefs = "2026-" + String.format("%02d-%02d", 1 + rnd.nextInt(11), 1 + rnd.nextInt(28)) + " rev. 00"
                + (1 + rnd.nextInt(9));
        return new Computer(index, ids.id(Ids.COMPUTER, index), ids.id(Ids.HARDWARE_KEY, index),
                ids.id(Ids.AGENT, index), computerName, os, ip, mac, user,
                AGENT_VERSIONS[rnd.nextInt(AGENT_VERSIONS.length)], avDefs, online,
                groups.seedGroup(os.family(), os.server(), groupDraw), creation, lastUpdate, lastScan, lastVirus,
                rnd.nextDouble() < 0.6, rnd.nextDouble() < 0.97 ? 1 : 0, rnd.nextDouble() < 0.95 ? 1 : 2,
                rnd.nextDouble() < 0.98 ? 1 : 0, (4L + 4L * rnd.nextInt(8)) * 1024 * 1024 * 1024,
                PROCESSORS[rnd.nextInt(PROCESSORS.length)], 60 * (rnd.nextInt(5) - 2));
    }

    /** Seeded online state, cheap enough to call for every row of a 50 000-endpoint command. */
    boolean online(int index) {
        long bits = Ids.mix(seed * 0x7FB5D329728EA185L + index) >>> 11;
        return bits * 0x1.0p-53 >= offlineFraction;
    }

    /** Current group of the computer (seeded, or where the last move put it). */
    int groupOf(int index) {
        Integer moved = movedTo.get(index);
        return moved != null ? moved : seededGroups()[index];
    }

    /** Seeded group of every computer, computed once (one int each) so group expansion stays cheap. */
    private int[] seededGroups() {
        int[] groupsOf = seededGroups;
        if (groupsOf == null) {
            groupsOf = new int[size];
            for (int i = 0; i < size; i++) {
                groupsOf[i] = computer(i).seededGroup();
            }
            seededGroups = groupsOf;
        }
        return groupsOf;
    }

    /** Seeded group without generating the whole computer when it has not moved. */
    int groupOf(Computer c) {
        Integer moved = movedTo.get(c.index());
        return moved != null ? moved : c.seededGroup();
    }

    synchronized void move(int index, int group) {
        movedTo.put(index, group);
        version++;
    }

    OptionalInt byUniqueId(String id) {
        return inRange(ids.index(Ids.COMPUTER, id == null ? null : id.toUpperCase()));
    }

    OptionalInt byHardwareKey(String key) {
        return inRange(ids.index(Ids.HARDWARE_KEY, key == null ? null : key.toUpperCase()));
    }

    private OptionalInt inRange(OptionalInt index) {
        return index.isPresent() && index.getAsInt() >= 0 && index.getAsInt() < size ? index : OptionalInt.empty();
    }

    Optional<Computer> find(String uniqueId) {
        OptionalInt index = byUniqueId(uniqueId);
        return index.isPresent() ? Optional.of(computer(index.getAsInt())) : Optional.empty();
    }

    int count(IntPredicate predicate) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (predicate.test(i)) {
                n++;
            }
        }
        return n;
    }
}
