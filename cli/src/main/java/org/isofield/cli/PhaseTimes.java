package org.isofield.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.core.Progress;

/**
 * A progress callback that records, per phase name, the wall time from its first report to its last, and forwards
 * every report to another callback (the bars). Phases appear in the order they started.
 */
final class PhaseTimes implements Progress {
    private final Progress next;
    private final Map<String, long[]> spans = new LinkedHashMap<>();

    PhaseTimes(Progress next) {
        this.next = next;
    }

    @Override
    public synchronized boolean report(String phase, double fraction) {
        long now = System.nanoTime();
        spans.computeIfAbsent(phase, p -> new long[] {now, now})[1] = now;
        return next.report(phase, fraction);
    }

    /** Records a phase the caller timed itself. */
    synchronized void add(String phase, long startNanos, long endNanos) {
        spans.put(phase, new long[] {startNanos, endNanos});
    }

    /** Seconds per phase, in start order. */
    synchronized Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        spans.forEach((k, v) -> out.put(k, Math.round((v[1] - v[0]) * 1e-6) / 1e3));
        return out;
    }
}
