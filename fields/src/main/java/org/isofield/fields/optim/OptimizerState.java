package org.isofield.fields.optim;

import java.util.Map;

/**
 * Helpers for optimizer checkpoints ({@link Optimizer#saveState}, {@link Optimizer#restoreState}): state is a map of
 * named float32 arrays, so counters are stored as float32 values, which are exact integers up to
 * {@link #MAX_EXACT_COUNT}. Every failure is an {@link IllegalArgumentException} (on restore) or an
 * {@link IllegalStateException} (on save) naming the block, what was found and what was expected.
 */
public final class OptimizerState {
    /** Largest counter a float32 holds exactly: 2^24. */
    public static final long MAX_EXACT_COUNT = 1L << 24;

    private OptimizerState() {
    }

    /** Stores a counter as a one-value block. */
    public static void putCount(Map<String, float[]> out, String name, long count) {
        if (count < 0 || count > MAX_EXACT_COUNT) {
            throw new IllegalStateException("optimizer state \"" + name + "\" = " + count
                    + " cannot be stored exactly as float32; expected 0 to " + MAX_EXACT_COUNT);
        }
        out.put(name, new float[] {count});
    }

    /** Blocks {@code P step}, {@code P first_moments} and {@code P second_moments} (copies) of an Adam state. */
    public static void putMoments(Map<String, float[]> out, String p, long step, float[] first, float[] second) {
        putCount(out, p + "step", step);
        out.put(p + "first_moments", first.clone());
        out.put(p + "second_moments", second.clone());
    }

    /** Removes and returns a block of exactly {@code length} values. */
    public static float[] take(Map<String, float[]> in, String name, int length) {
        float[] b = in.remove(name);
        if (b == null) {
            throw new IllegalArgumentException("optimizer state block \"" + name + "\" is missing; the config's "
                    + "optimizer needs it (present: " + in.keySet() + ")");
        }
        if (b.length != length) {
            throw new IllegalArgumentException("optimizer state block \"" + name + "\" has " + b.length
                    + " values; expected " + length + " for this config");
        }
        return b;
    }

    /** Removes and returns a counter block: one integral value in {@code [0, max]}. */
    public static long takeCount(Map<String, float[]> in, String name, long max) {
        float v = take(in, name, 1)[0];
        if (!(v >= 0) || v != Math.rint(v) || v > max) {
            throw new IllegalArgumentException("optimizer state \"" + name + "\" = " + v
                    + "; expected a whole number from 0 to " + max);
        }
        return (long) v;
    }

    /** Requires a fresh optimizer before a restore. */
    static void requireFresh(Optimizer o, String what) {
        requireFresh(o.stepCount(), what);
    }

    /** Requires an optimizer that has taken no step before a restore. */
    public static void requireFresh(long stepCount, String what) {
        if (stepCount != 0) {
            throw new IllegalStateException(what + " has taken " + stepCount
                    + " steps; state can only be restored into a fresh optimizer");
        }
    }
}
