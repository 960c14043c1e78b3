package org.isofield.datasets.index;

/**
 * Hoare's quickselect on an index permutation of 3D positions: reorders {@code order[lo..hi]} so that
 * {@code order[k]} holds the point with the k-th smallest coordinate on one axis, smaller ones before it and larger
 * ones after. The middle element is the pivot, so the result is deterministic. Expected time O(n).
 */
public final class Quickselect {
    private Quickselect() {
    }

    /**
     * @param xyz positions, {@code 3N}, indexed through {@code order}
     * @param order a permutation of point indices, reordered in place between {@code lo} and {@code hi}
     * @param lo first position, inclusive
     * @param hi last position, inclusive
     * @param k the position to fill, in {@code [lo, hi]}
     * @param axis 0, 1 or 2
     */
    public static void select(float[] xyz, int[] order, int lo, int hi, int k, int axis) {
        while (lo < hi) {
            float pivot = xyz[3 * order[(lo + hi) >>> 1] + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (xyz[3 * order[i] + axis] < pivot) {
                    i++;
                }
                while (xyz[3 * order[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }
}
