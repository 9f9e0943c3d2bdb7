package riposte.simulator.sepm;

import java.util.Arrays;

/**
 * One queued command and its per-endpoint timing. The state of every endpoint is a function of the
 * simulated time (see {@link EndpointState}); only the command itself is stored.
 *
 * <p>Each online endpoint gets a seeded agent delay {@code d}: it receives the command at
 * {@code d/4}, starts at {@code d/2} and completes at {@code d}. Offline endpoints never receive it.
 */
final class Command {
    static final long ROWS_VISIBLE_AFTER_MS = 1_000;

    final int number;
    final String id;
    final CommandKind kind;
    final long createdMillis;
    /** Computer indices, sorted ascending. */
    final int[] targets;
    /** Completion time per target position; {@code Long.MAX_VALUE} for offline endpoints. */
    final long[] completesAt;
    /** Target positions sorted by completion time (offline last): the "Begintime" order. */
    final int[] byBegin;
    final EocRequest eoc;
    final Upload upload;
    final int firstFileSerial;
    volatile long cancelledAt = Long.MAX_VALUE;

    /** Parameters of {@code /command-queue/files}. */
    record Upload(String filePath, String md5, String sha1, String sha256, String source) {}

    Command(int number, String id, CommandKind kind, long createdMillis, int[] targets, long[] completesAt,
            EocRequest eoc, Upload upload, int firstFileSerial) {
        this.number = number;
        this.id = id;
        this.kind = kind;
        this.createdMillis = createdMillis;
        this.targets = targets;
        this.completesAt = completesAt;
        this.eoc = eoc;
        this.upload = upload;
        this.firstFileSerial = firstFileSerial;
        // Pack (completion, position) into one long so a primitive sort orders 50 000 rows quickly.
        long[] keys = new long[targets.length];
        for (int i = 0; i < targets.length; i++) {
            long delay = completesAt[i] == Long.MAX_VALUE ? (1L << 43) - 1 : completesAt[i] - createdMillis;
            keys[i] = (delay << 20) | i;
        }
        Arrays.sort(keys);
        byBegin = new int[targets.length];
        for (int i = 0; i < keys.length; i++) {
            byBegin[i] = (int) (keys[i] & 0xFFFFF);
        }
    }

    int position(int computerIndex) {
        return Arrays.binarySearch(targets, computerIndex);
    }

    long receivedAt(int position) {
        long done = completesAt[position];
        return done == Long.MAX_VALUE ? Long.MAX_VALUE : createdMillis + (done - createdMillis) / 4;
    }

    long startedAt(int position) {
        long done = completesAt[position];
        return done == Long.MAX_VALUE ? Long.MAX_VALUE : createdMillis + (done - createdMillis) / 2;
    }

    /** Whether the endpoint at {@code position} completed (not cancelled) at or before {@code now}. */
    boolean completedBy(int position, long now) {
        long done = completesAt[position];
        return done <= now && done < cancelledAt;
    }

    /** Number of positions whose begin time is set at {@code now}: a prefix of {@link #byBegin}. */
    int begunCount(long now) {
        long limit = Math.min(now, cancelledAt);
        int lo = 0;
        int hi = byBegin.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (receivedAt(byBegin[mid]) <= limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
