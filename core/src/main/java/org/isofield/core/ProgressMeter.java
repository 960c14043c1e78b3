package org.isofield.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts work items of one phase and forwards throttled reports to a {@link Progress}. Thread-safe: any thread may
 * call {@link #step}; at most one thread at a time calls the callback, at most every {@value #INTERVAL_MS} ms, plus
 * one final report from {@link #done()}. When the callback returns false the next {@link #step} or
 * {@link #checkCancelled()} throws {@link CancelledException}.
 */
public final class ProgressMeter {
    static final long INTERVAL_MS = 100;

    private final Progress progress;
    private final String phase;
    private final long total;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean reporting = new AtomicBoolean();
    private volatile long lastReportNanos;
    private volatile boolean cancelled;

    private ProgressMeter(Progress progress, String phase, long total) {
        this.progress = progress == null ? Progress.NONE : progress;
        this.phase = phase;
        this.total = Math.max(1, total);
        this.lastReportNanos = System.nanoTime() - INTERVAL_MS * 1_000_000L;
    }

    /** Starts a phase of {@code total} items and reports fraction 0. */
    public static ProgressMeter of(Progress progress, String phase, long total) {
        ProgressMeter meter = new ProgressMeter(progress, phase, total);
        meter.forward(0.0);
        return meter;
    }

    /** Runs {@code body} as a phase of one item (reported at 0 and when done), returning what it returns. */
    public static <T> T stage(Progress progress, String phase, Supplier<T> body) {
        ProgressMeter meter = of(progress, phase, 1);
        T result = body.get();
        meter.done();
        return result;
    }

    /** One item done. */
    public void step() {
        step(1);
    }

    /** {@code n} items done; reports when the throttle interval has passed; throws if cancelled. */
    public void step(long n) {
        long c = count.addAndGet(n);
        long now = System.nanoTime();
        if (now - lastReportNanos >= INTERVAL_MS * 1_000_000L && reporting.compareAndSet(false, true)) {
            try {
                lastReportNanos = now;
                forward(Math.min(1.0, (double) c / total));
            } finally {
                reporting.set(false);
            }
        }
        checkCancelled();
    }

    /** Throws {@link CancelledException} once the callback has asked to stop. */
    public void checkCancelled() {
        if (cancelled) {
            throw new CancelledException(phase);
        }
    }

    /** Reports completion of the phase (fraction 1) and throws if cancelled. */
    public void done() {
        forward(1.0);
        checkCancelled();
    }

    private void forward(double fraction) {
        if (!progress.report(phase, fraction)) {
            cancelled = true;
        }
    }

    public String phase() {
        return phase;
    }

    public long count() {
        return count.get();
    }
}
