package org.isofield.datasets.index.delaunay;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Insertion orders for {@link Delaunay3d} that keep consecutive points close. */
final class SpatialOrder {
    private SpatialOrder() {
    }

    /**
     * The insertion order: along a Morton (Z-order) curve over the bounding box, so that each point's walk starts next
     * to it. The triangulation does not depend on the order (the predicates' perturbation is by index). Keys and
     * indices are packed into one primitive sort: the index takes the low bits it needs, the key the rest (14 bits an
     * axis for a million points).
     *
     * @throws IllegalArgumentException when two points are equal
     */
    static int[] morton(double[] xyz) {
        int n = xyz.length / 3;
        double[] lo = new double[3];
        double[] hi = new double[3];
        bounds(xyz, n, lo, hi);
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        int indexBits = indexBits(n);
        long[] packed = packedAlongCurve(xyz, all, lo, hi);
        int[] out = unpack(packed, all, indexBits);
        // equal points have equal keys: compare within each run of one key
        for (int start = 0; start < n;) {
            int end = start + 1;
            while (end < n && packed[end] >>> indexBits == packed[start] >>> indexBits) {
                end++;
            }
            refuseRepeats(xyz, out, start, end);
            start = end;
        }
        return out;
    }

    /**
     * A biased randomised insertion order (Amenta, Choi and Rote, 2003): every point is given a round at random, about
     * half of the points the last round, a quarter the one before and so on, with a first round of a few dozen points;
     * rounds go in order and each follows the Morton curve. The early rounds spread over the whole cloud, so the hull
     * is soon close to its final shape and later points land inside it, where their cavities are small and their walks
     * short; a pure curve order keeps inserting on the moving edge of the hull instead. The rounds are drawn from a
     * fixed seed, so the order (and the time) is the same on every run.
     *
     * @throws IllegalArgumentException when two points are equal
     */
    static int[] brio(double[] xyz) {
        int[] curve = morton(xyz);
        int n = curve.length;
        int rounds = Math.max(1, 32 - Integer.numberOfLeadingZeros(n / 32));
        byte[] round = new byte[n];
        int[] start = new int[rounds + 1];
        SplittableRandom random = new SplittableRandom(0x1505L);
        for (int i = 0; i < n; i++) {
            // round rounds-1 (the last) with probability 1/2, rounds-2 with 1/4, ...; the first takes the rest
            int r = Math.max(0, rounds - 1 - Long.numberOfTrailingZeros(random.nextLong() | 1L << 62));
            round[curve[i]] = (byte) r;
            start[r + 1]++;
        }
        for (int r = 0; r < rounds; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[n];
        for (int i : curve) {
            out[start[round[i]]++] = i;
        }
        return out;
    }

    /**
     * The given points (indices into {@code xyz}) reordered along the Morton curve of the box {@code lo, hi}: for a
     * sparse subset, such as the points next to a splitting plane, consecutive walks stay short.
     */
    static int[] alongCurve(double[] xyz, int[] subset, double[] lo, double[] hi) {
        return unpack(packedAlongCurve(xyz, subset, lo, hi), subset, indexBits(subset.length));
    }

    private static int indexBits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count));
    }

    /**
     * The Morton keys of the points {@code subset} over the box, each packed above its position in {@code subset}
     * (the low {@link #indexBits} bits), sorted: one primitive sort orders them.
     */
    private static long[] packedAlongCurve(double[] xyz, int[] subset, double[] lo, double[] hi) {
        int m = subset.length;
        int indexBits = indexBits(m);
        int axisBits = Math.min(21, (63 - indexBits) / 3);
        long cells = (1L << axisBits) - 1;
        long[] packed = new long[m];
        for (int i = 0; i < m; i++) {
            int p = subset[i];
            long code = 0;
            for (int c = 0; c < 3; c++) {
                double span = hi[c] - lo[c];
                long q = span > 0 ? (long) Math.min(cells, (xyz[3 * p + c] - lo[c]) / span * cells) : 0;
                code |= spread(q) << c;
            }
            packed[i] = code << indexBits | i;
        }
        Arrays.sort(packed);
        return packed;
    }

    private static int[] unpack(long[] packed, int[] subset, int indexBits) {
        long mask = (1L << indexBits) - 1;
        int[] out = new int[packed.length];
        for (int i = 0; i < packed.length; i++) {
            out[i] = subset[(int) (packed[i] & mask)];
        }
        return out;
    }

    private static void refuseRepeats(double[] xyz, int[] order, int start, int end) {
        for (int a = start; a < end; a++) {
            for (int b = a + 1; b < end; b++) {
                int i = order[a];
                int j = order[b];
                if (xyz[3 * i] == xyz[3 * j] && xyz[3 * i + 1] == xyz[3 * j + 1] && xyz[3 * i + 2] == xyz[3 * j + 2]) {
                    throw new IllegalArgumentException("points " + Math.min(i, j) + " and " + Math.max(i, j)
                            + " are equal; expected distinct points");
                }
            }
        }
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
