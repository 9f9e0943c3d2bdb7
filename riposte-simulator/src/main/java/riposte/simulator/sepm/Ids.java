package riposte.simulator.sepm;

import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * Deterministic 32-hex-digit upper-case GUIDs (the SEPM id format, reference §1) derived from the
 * seed, an id kind and an index.
 *
 * <p>The low 64 bits are a keyed Feistel permutation of {@code kind << 32 | index}, so an id can be
 * turned back into its index without a lookup table: 50 000 computers then cost no id map at all.
 * A library (e.g. a format-preserving cipher) would be overkill for this non-secret mapping.
 */
final class Ids {
    static final int COMPUTER = 1;
    static final int HARDWARE_KEY = 2;
    static final int AGENT = 3;
    static final int GROUP = 4;
    static final int DOMAIN = 5;
    static final int COMMAND = 6;
    static final int FINGERPRINT = 7;
    static final int FILE = 8;
    static final int TOKEN = 9;
    static final int ADMIN = 10;
    static final int POLICY = 11;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final long seed;

    Ids(long seed) {
        this.seed = seed;
    }

    String id(int kind, int index) {
        long lo = permute(((long) kind << 32) | (index & 0xFFFFFFFFL));
        long hi = mix(seed ^ lo ^ 0x5DEECE66DL);
        return HEX.toHexDigits(hi) + HEX.toHexDigits(lo);
    }

    /** The index encoded in {@code id} if it is an id of this kind made by this seed. */
    OptionalInt index(int kind, String id) {
        if (id == null || id.length() != 32) {
            return OptionalInt.empty();
        }
        long hi;
        long lo;
        try {
            hi = HexFormat.fromHexDigitsToLong(id, 0, 16);
            lo = HexFormat.fromHexDigitsToLong(id, 16, 32);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        if (hi != mix(seed ^ lo ^ 0x5DEECE66DL)) {
            return OptionalInt.empty();
        }
        long plain = unpermute(lo);
        if ((plain >>> 32) != kind) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) plain);
    }

    private long permute(long v) {
        int left = (int) (v >>> 32);
        int right = (int) v;
        for (int round = 0; round < 4; round++) {
            int next = left ^ roundFunction(right, round);
            left = right;
            right = next;
        }
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private long unpermute(long v) {
        int left = (int) (v >>> 32);
        int right = (int) v;
        for (int round = 3; round >= 0; round--) {
            int previous = right ^ roundFunction(left, round);
            right = left;
            left = previous;
        }
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private int roundFunction(int half, int round) {
        return (int) mix(seed * 31 + round * 0x9E3779B97F4A7C15L + half);
    }

    /** SplitMix64 finaliser: a cheap, well-distributed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
