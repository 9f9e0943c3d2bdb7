package riposte.simulator.http;

import java.util.ArrayList;
import java.util.List;
import riposte.simulator.fault.Fault;

/** Enqueued one-shot faults, consumed in order by the first requests they match. */
final class FaultQueue {

    /** A fault with its remaining uses; mutable, guarded by the queue's lock. */
    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private volatile boolean empty = true;

    synchronized void add(Fault fault) {
        pending.add(new Pending(fault));
        empty = false;
    }

    synchronized void clear() {
        pending.clear();
        empty = true;
    }

    /** The first fault matching this request, with one use consumed, or {@code null}. */
    Fault poll(String rawPath, boolean hasBearer) {
        if (empty) return null; // the common case in benchmarks: no lock at all
        synchronized (this) {
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                if (!rawPath.startsWith(p.fault.pathPrefix())) continue;
                // An expiry needs a token to expire; token requests carry none and must not use it up.
                if (p.fault.kind() == Fault.Kind.EXPIRE_TOKEN && !hasBearer) continue;
                if (--p.remaining == 0) pending.remove(i);
                empty = pending.isEmpty();
                return p.fault;
            }
            return null;
        }
    }
}
