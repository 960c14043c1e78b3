package org.isofield.datasets.io.internal;

import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;

/**
 * Progress of a writer over its elements (vertices then faces): counts items and steps a {@link ProgressMeter}
 * (phase {@code "write"}) every {@value #BATCH} items, which may cancel the write.
 */
public final class WriteMeter {
    static final int BATCH = 1 << 16;

    private final ProgressMeter meter;
    private int pending;

    public WriteMeter(Progress progress, long totalItems) {
        this.meter = ProgressMeter.of(progress, "write", totalItems);
    }

    /** One item written. */
    public void item() {
        if (++pending == BATCH) {
            meter.step(pending);
            pending = 0;
        }
    }

    /** All items written. */
    public void done() {
        meter.step(pending);
        pending = 0;
        meter.done();
    }

    /** A colour in [0, 1] as a byte 0..255, rounded and clamped; NaN becomes 0. */
    public static int colorByte(float c) {
        int v = Math.round(c * 255f);
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
