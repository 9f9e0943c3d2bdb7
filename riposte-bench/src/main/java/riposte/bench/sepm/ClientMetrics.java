package riposte.bench.sepm;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The client JVM's own cost over a measured window: process CPU time (every thread: caller, GC, JIT, TLS), the
 * calling thread's CPU time, the peak heap in use (sum of the heap pools' peaks, an upper bound that includes
 * garbage not yet collected) and the largest heap left after any collection (the live set, a lower bound).
 */
final class ClientMetrics {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
    private static volatile boolean listening;

    private long cpu0;
    private long threadCpu0;
    private long wall0;
    long baselineHeap;

    private ClientMetrics() {}

    /** Collects garbage, resets the peaks, and starts the window. */
    static ClientMetrics start() {
        installListener();
        System.gc();
        System.gc();
        try {
            Thread.sleep(300); // GC notifications arrive asynchronously; let the baseline's pass before the reset
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ClientMetrics m = new ClientMetrics();
        m.baselineHeap = heapUsed();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
        MAX_AFTER_GC.set(0);
        m.cpu0 = OS.getProcessCpuTime();
        m.threadCpu0 = threadCpu();
        m.wall0 = System.nanoTime();
        return m;
    }

    double wallSeconds() {
        return (System.nanoTime() - wall0) / 1e9;
    }

    double processCpuSeconds() {
        return (OS.getProcessCpuTime() - cpu0) / 1e9;
    }

    double threadCpuSeconds() {
        return (threadCpu() - threadCpu0) / 1e9;
    }

    /** Sum of the heap pools' peak usage since {@link #start}, in MiB. */
    static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** Largest heap in use right after a collection since {@link #start}, in MiB (0 if none ran). */
    static double maxAfterGcMiB() {
        return MAX_AFTER_GC.get() / 1048576.0;
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / 1048576;
    }

    static long threadCpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static synchronized void installListener() {
        if (listening) return;
        listening = true;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long after = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) after += u.getUsed();
                // Non-heap pools (metaspace, code cache) are in this map too; subtract them to keep heap only.
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.NON_HEAP) {
                        MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(p.getName());
                        if (u != null) after -= u.getUsed();
                    }
                }
                MAX_AFTER_GC.accumulateAndGet(after, Math::max);
            }, null, null);
        }
    }
}
