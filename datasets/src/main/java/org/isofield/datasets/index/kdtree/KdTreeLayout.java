package org.isofield.datasets.index.kdtree;

import java.util.ArrayList;
import java.util.List;
import org.isofield.core.Parallel;

/**
 * Builds the arrays of a {@link KdTree} in place: partitions a permuted copy of the points with median selection on
 * the widest axis of each node's tight box, and writes the boxes in heap order (children of node {@code k} are
 * {@code 2k+1} and {@code 2k+2}; node {@code k} over points {@code [lo, hi)} splits at {@code mid = (lo+hi)>>>1}).
 *
 * <p>The top {@value #PARALLEL_LEVELS} levels are built level by level with one task per node, the subtrees below
 * them one task each. Every node writes only its own range and box, so the result is the same for any thread count.
 * Expected time O(N log N); selection is Hoare's with the median of three pseudo-random pivots, whose positions
 * depend only on the range, so duplicates and sorted inputs stay O(N) per level.
 */
final class KdTreeLayout {
    /** Levels built breadth-first with one task per node; below them, one task per subtree. */
    static final int PARALLEL_LEVELS = 6;

    private final float[] pts;
    private final int[] perm;
    private final float[] box;
    private final int leafSize;

    private KdTreeLayout(float[] pts, int[] perm, float[] box, int leafSize) {
        this.pts = pts;
        this.perm = perm;
        this.box = box;
        this.leafSize = leafSize;
    }

    /** Number of heap slots needed for {@code n} points and leaves of at most {@code leafSize}. */
    static int heapSize(int n, int leafSize) {
        return maxNode(0, 0, n, leafSize) + 1;
    }

    private static int maxNode(int node, int lo, int hi, int leafSize) {
        if (hi - lo <= leafSize) {
            return node;
        }
        int mid = (lo + hi) >>> 1;
        // The right child is never smaller than the left one, so it reaches at least as deep.
        return Math.max(maxNode(2 * node + 1, lo, mid, leafSize), maxNode(2 * node + 2, mid, hi, leafSize));
    }

    /**
     * Reorders {@code pts} (3 per point) and {@code perm} together and fills {@code box} (6 per heap slot:
     * min xyz, max xyz) for the tree over all {@code perm.length} points.
     */
    static void build(float[] pts, int[] perm, float[] box, int leafSize) {
        KdTreeLayout layout = new KdTreeLayout(pts, perm, box, leafSize);
        List<int[]> level = new ArrayList<>();
        level.add(new int[] {0, 0, perm.length});
        for (int depth = 0; depth < PARALLEL_LEVELS && !level.isEmpty(); depth++) {
            List<int[]> current = level;
            Parallel.forEach(current.size(), i -> layout.splitNode(current.get(i)[0], current.get(i)[1],
                    current.get(i)[2]));
            List<int[]> next = new ArrayList<>();
            for (int[] t : current) {
                if (t[2] - t[1] > leafSize) {
                    int mid = (t[1] + t[2]) >>> 1;
                    next.add(new int[] {2 * t[0] + 1, t[1], mid});
                    next.add(new int[] {2 * t[0] + 2, mid, t[2]});
                }
            }
            level = next;
        }
        List<int[]> rest = level;
        Parallel.forEach(rest.size(), i -> layout.buildSubtree(rest.get(i)[0], rest.get(i)[1], rest.get(i)[2]));
    }

    private void buildSubtree(int node, int lo, int hi) {
        if (splitNode(node, lo, hi)) {
            int mid = (lo + hi) >>> 1;
            buildSubtree(2 * node + 1, lo, mid);
            buildSubtree(2 * node + 2, mid, hi);
        }
    }

    /** Computes the node's box and, unless it is a leaf, partitions it at the median; returns false for a leaf. */
    private boolean splitNode(int node, int lo, int hi) {
        float x0 = Float.POSITIVE_INFINITY, y0 = Float.POSITIVE_INFINITY, z0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY, y1 = Float.NEGATIVE_INFINITY, z1 = Float.NEGATIVE_INFINITY;
        for (int i = 3 * lo, end = 3 * hi; i < end; i += 3) {
            float x = pts[i], y = pts[i + 1], z = pts[i + 2];
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            z0 = Math.min(z0, z);
            z1 = Math.max(z1, z);
        }
        int b = 6 * node;
        box[b] = x0;
        box[b + 1] = y0;
        box[b + 2] = z0;
        box[b + 3] = x1;
        box[b + 4] = y1;
        box[b + 5] = z1;
        if (hi - lo <= leafSize) {
            return false;
        }
        float ex = x1 - x0, ey = y1 - y0, ez = z1 - z0;
        int axis = ex >= ey && ex >= ez ? 0 : (ey >= ez ? 1 : 2);
        select(lo, hi, (lo + hi) >>> 1, axis);
        return true;
    }

    /**
     * Places the {@code k}-th smallest coordinate on {@code axis} of {@code [lo, hi)} at position {@code k}, with
     * smaller or equal ones before and greater or equal ones after (Hoare's FIND, as in Wirth's formulation).
     */
    void select(int lo, int hi, int k, int axis) {
        int l = lo;
        int r = hi - 1;
        long state = 0x9E3779B97F4A7C15L * (lo + 1L) ^ hi;
        while (l < r) {
            state = mix(state);
            int span = r - l + 1;
            float a = coord(l + (int) ((state >>> 1) % span), axis);
            float b = coord(l + (int) ((state >>> 22) % span), axis);
            float c = coord(l + (int) ((state >>> 43) % span), axis);
            float pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = l;
            int j = r;
            do {
                while (coord(i, axis) < pivot) {
                    i++;
                }
                while (pivot < coord(j, axis)) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) {
                l = i;
            }
            if (k < i) {
                r = j;
            }
        }
    }

    private float coord(int i, int axis) {
        return pts[3 * i + axis];
    }

    private void swap(int i, int j) {
        int a = 3 * i;
        int b = 3 * j;
        float t0 = pts[a], t1 = pts[a + 1], t2 = pts[a + 2];
        pts[a] = pts[b];
        pts[a + 1] = pts[b + 1];
        pts[a + 2] = pts[b + 2];
        pts[b] = t0;
        pts[b + 1] = t1;
        pts[b + 2] = t2;
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
