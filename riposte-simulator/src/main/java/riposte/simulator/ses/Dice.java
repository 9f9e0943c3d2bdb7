package riposte.simulator.ses;

import java.util.List;

/**
 * A tiny deterministic random stream (SplitMix64) for one generated record: the same (seed, stream, index) always
 * yields the same draws, so replies are byte-identical across runs and threads. Not thread-safe; make one per use.
 */
final class Dice {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Dice(long seed, long stream, long index) {
        this.state = mix64(seed ^ mix64(stream * GOLDEN + mix64(index + GOLDEN)));
    }

    /** The SplitMix64 finaliser: a strong, invertible 64-bit mixer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /** Uniform in {@code [0, bound)}. The modulo bias is irrelevant at these bounds. */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Uniform in {@code [from, to]}. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** {@code n} distinct elements of {@code values} (n ≤ size), in draw order. */
    <T> List<T> distinct(List<T> values, int n) {
        var chosen = new java.util.ArrayList<T>(n);
        while (chosen.size() < n) {
            T v = pick(values);
            if (!chosen.contains(v)) chosen.add(v);
        }
        return chosen;
    }
}
