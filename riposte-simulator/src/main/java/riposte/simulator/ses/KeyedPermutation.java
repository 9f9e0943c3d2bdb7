package riposte.simulator.ses;

/**
 * A keyed bijection on {@code bits}-bit integers (xor key, odd multiply, xorshift, twice), with its inverse.
 *
 * <p>This is what makes population membership cheap: an indicator is generated from {@code apply(index)}, so a
 * value seen on the wire is turned back into a candidate index with {@code invert}, and the candidate is accepted
 * only if regenerating it gives the same indicator. Not cryptographic; it only has to look random and be exact.
 */
final class KeyedPermutation {

    private final int bits;
    private final long mask;
    private final long xorKey;
    private final long addKey;
    private final long m1;
    private final long m2;
    private final long inv1;
    private final long inv2;
    private final int shift1;
    private final int shift2;

    KeyedPermutation(int bits, long key) {
        if (bits < 8 || bits > 64) throw new IllegalArgumentException("bits must be in [8, 64]");
        this.bits = bits;
        this.mask = bits == 64 ? -1L : (1L << bits) - 1;
        this.xorKey = Dice.mix64(key) & mask;
        this.addKey = Dice.mix64(key + 1) & mask;
        this.m1 = (Dice.mix64(key + 2) | 1) & mask; // odd, hence invertible modulo 2^bits
        this.m2 = (Dice.mix64(key + 3) | 1) & mask;
        this.inv1 = inverse(m1) & mask;
        this.inv2 = inverse(m2) & mask;
        this.shift1 = bits / 2;
        this.shift2 = bits / 2 - 1;
    }

    long apply(long x) {
        x = (x ^ xorKey) & mask;
        x = (x * m1) & mask;
        x ^= x >>> shift1;
        x = (x + addKey) & mask;
        x = (x * m2) & mask;
        x ^= x >>> shift2;
        return x;
    }

    long invert(long y) {
        y &= mask;
        y = unshift(y, shift2);
        y = (y * inv2) & mask;
        y = (y - addKey) & mask;
        y = unshift(y, shift1);
        y = (y * inv1) & mask;
        return (y ^ xorKey) & mask;
    }

    int bits() {
        return bits;
    }

    /** Inverts {@code y = x ^ (x >>> s)}: each round recovers {@code s} more high bits. */
    private long unshift(long y, int s) {
        long x = y;
        for (int recovered = s; recovered < bits; recovered += s) {
            x = y ^ (x >>> s);
        }
        return x;
    }

    /** Multiplicative inverse of an odd number modulo 2^64 by Newton's iteration (doubles correct bits per step). */
    private static long inverse(long odd) {
        long inv = odd; // correct to 3 bits
        for (int i = 0; i < 5; i++) {
            inv *= 2 - odd * inv;
        }
        return inv;
    }
}
