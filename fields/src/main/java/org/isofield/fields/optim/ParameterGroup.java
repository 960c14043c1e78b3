package org.isofield.fields.optim;

import java.util.List;
import org.isofield.core.Check;

/**
 * A contiguous range {@code [offset, offset + length)} of a flat parameter array and how an optimizer treats it.
 * {@link Kind#MATRIX} ranges are MLP weights: Adam applies {@code l2_reg} to them and updates every entry each step.
 * {@link Kind#GRID} ranges are encoding tables: no L2, and entries whose gradient is exactly zero are skipped (their
 * moments and step counters stay unchanged), as tiny-cuda-nn does for its non-matrix parameters.
 *
 * @param name label for messages, e.g. {@code "mlp"} or {@code "hashgrid"}
 * @param learningRateFactor multiplies the optimizer's learning rate in this range (1 for tiny-cuda-nn's defaults;
 *                           coordinate-aware modulation grids use 10)
 */
public record ParameterGroup(String name, int offset, int length, Kind kind, float learningRateFactor) {
    /** How an optimizer treats a range. */
    public enum Kind { MATRIX, GRID }

    public ParameterGroup {
        Check.nonNegative("offset", offset);
        Check.nonNegative("length", length);
        Check.positive("learningRateFactor", learningRateFactor);
    }

    /** A range with learning-rate factor 1. */
    public static ParameterGroup of(String name, int offset, int length, Kind kind) {
        return new ParameterGroup(name, offset, length, kind, 1f);
    }

    public int end() {
        return offset + length;
    }

    /** Requires the groups to tile {@code [0, total)} in order, without gaps or overlaps. */
    public static void checkTiles(List<ParameterGroup> groups, int total) {
        int at = 0;
        for (ParameterGroup g : groups) {
            if (g.offset != at) {
                throw new IllegalArgumentException("parameter group " + g.name + " starts at " + g.offset
                        + "; expected "
                        + at + " (groups must tile the parameter array in order)");
            }
            at = g.end();
        }
        if (at != total) {
            throw new IllegalArgumentException("parameter groups cover " + at + " parameters; expected " + total);
        }
    }

    /** Shifts a network's or encoding's groups to start at {@code base}, for a concatenated parameter array. */
    public ParameterGroup shifted(int base) {
        return new ParameterGroup(name, offset + base, length, kind, learningRateFactor);
    }
}
