package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/** Insertion orders for {@link Delaunay3d} that keep consecutive points close. */
final class SpatialOrder {
    private SpatialOrder() {
    }

    /**
     * The insertion order: along a Morton (Z-order) curve over the bounding box, so that each point's walk starts next
     * to it. The triangulation does not depend on the order (the predicates' perturbation is by index).
     */
    static int[] morton(double[] xyz) {
        int n = xyz.length / 3;
        double[] lo = new double[3];
        double[] hi = new double[3];
        bounds(xyz, n, lo, hi);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long code = 0;
            for (int c = 0; c < 3; c++) {
                double span = hi[c] - lo[c];
                long q = span > 0 ? (long) Math.min(0x1fffff, (xyz[3 * i + c] - lo[c]) / span * 0x1fffff) : 0;
                code |= spread(q) << c;
            }
            keys[i] = code;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** The bounding box of the first {@code n} points into {@code lo} and {@code hi}. */
    static void bounds(double[] xyz, int n, double[] lo, double[] hi) {
        Arrays.fill(lo, Double.MAX_VALUE);
        Arrays.fill(hi, -Double.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                lo[c] = Math.min(lo[c], xyz[3 * i + c]);
                hi[c] = Math.max(hi[c], xyz[3 * i + c]);
            }
        }
    }

    /** The 21 low bits of {@code v} moved to every third bit. */
    private static long spread(long v) {
        long x = v & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }
}
