package org.isofield.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A progress callback that records, per phase name, the wall time from its first report to its last, and forwards
 * every report to another callback (the bars). Phases appear in the order they started; a report's
 * {@code phases_seconds} is {@link #seconds}. Thread-safe.
 */
public final class PhaseTimes implements Progress {
    private final Progress next;
    private final Map<String, long[]> spans = new LinkedHashMap<>();

    public PhaseTimes(Progress next) {
        this.next = next;
    }

    @Override
    public synchronized boolean report(String phase, double fraction) {
        long now = System.nanoTime();
        spans.computeIfAbsent(phase, p -> new long[] {now, now})[1] = now;
        return next.report(phase, fraction);
    }

    /** Records a phase the caller timed itself. */
    public synchronized void add(String phase, long startNanos, long endNanos) {
        spans.put(phase, new long[] {startNanos, endNanos});
    }

    /** Seconds per phase, in start order, to the millisecond. */
    public synchronized Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        spans.forEach((k, v) -> out.put(k, Math.round((v[1] - v[0]) * 1e-6) / 1e3));
        return out;
    }

    /** Sum of the peak usage of the heap memory pools since the JVM started. */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
