package org.isofield.datasets.index.bvh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.isofield.core.Parallel;
import org.isofield.datasets.index.Quickselect;

/**
 * Builds the node arrays of a {@link TriangleBvh} with a binned surface-area heuristic (16 bins on each axis whose
 * centroid extent is non-zero, as in Wald 2007), splitting every node that holds more than {@link #LEAF_SIZE}
 * triangles.
 *
 * <p>Layout: node {@code n} has its box in {@code bounds[6n .. 6n+5]} (min xyz, max xyz) and
 * {@code nodes[4n .. 4n+3] = start, count, left, right} where {@code [start, start+count)} is the node's range in the
 * triangle permutation {@code order} (inner nodes too) and {@code left = -1} marks a leaf. Children always have
 * larger indices than their parent.
 *
 * <p>Parallelism: ranges above {@link #TASK_SIZE} triangles are split sequentially; the remaining ranges are built
 * as independent subtrees with {@link Parallel#forEach} and concatenated. The split decisions depend only on the
 * input, so the tree is identical for any thread count. From depth {@value #MEDIAN_DEPTH} on the splits switch to
 * object medians, which bounds the depth by about {@code MEDIAN_DEPTH + log2(n)}. Time {@code O(n log n)}.
 */
final class BvhBuilder {
    /** Largest number of triangles in a leaf. */
    static final int LEAF_SIZE = 4;
    /** Ranges of at most this many triangles are built as one parallel task. */
    static final int TASK_SIZE = 1 << 12;
    private static final int BINS = 16;
    private static final int MEDIAN_DEPTH = 48;

    private final float[] triBounds;
    private final float[] centroids;
    final int[] order;

    /** Node arrays of one (sub)tree, grown as nodes are added; children are local indices. */
    static final class Nodes {
        float[] bounds = new float[6 * 64];
        int[] meta = new int[4 * 64];
        int size;
        int maxDepth;

        int add() {
            if (size * 4 == meta.length) {
                meta = Arrays.copyOf(meta, meta.length * 2);
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            return size++;
        }
    }

    /**
     * @param triBounds 6 per triangle (min xyz, max xyz)
     * @param centroids 3 per triangle
     */
    BvhBuilder(float[] triBounds, float[] centroids) {
        this.triBounds = triBounds;
        this.centroids = centroids;
        int n = centroids.length / 3;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** Builds the whole tree; {@link #order} holds the leaf permutation afterwards. */
    Nodes build() {
        int n = order.length;
        Nodes top = new Nodes();
        List<int[]> tasks = new ArrayList<>();
        Splitter splitter = new Splitter();
        int root = splitter.buildTop(top, tasks, 0, n, 0);
        Nodes[] parts = new Nodes[tasks.size()];
        Parallel.forEach(tasks.size(), k -> {
            int[] task = tasks.get(k);
            Nodes part = new Nodes();
            new Splitter().build(part, task[0], task[1], task[2]);
            parts[k] = part;
        });
        int[] offset = new int[parts.length];
        int total = top.size;
        int maxDepth = top.maxDepth;
        for (int k = 0; k < parts.length; k++) {
            offset[k] = total;
            total += parts[k].size;
            maxDepth = Math.max(maxDepth, parts[k].maxDepth);
        }
        Nodes out = new Nodes();
        out.bounds = new float[6 * total];
        out.meta = new int[4 * total];
        out.size = total;
        out.maxDepth = maxDepth;
        System.arraycopy(top.bounds, 0, out.bounds, 0, 6 * top.size);
        for (int i = 0; i < top.size; i++) {
            out.meta[4 * i] = top.meta[4 * i];
            out.meta[4 * i + 1] = top.meta[4 * i + 1];
            out.meta[4 * i + 2] = resolve(top.meta[4 * i + 2], offset);
            out.meta[4 * i + 3] = resolve(top.meta[4 * i + 3], offset);
        }
        for (int k = 0; k < parts.length; k++) {
            Nodes p = parts[k];
            int o = offset[k];
            System.arraycopy(p.bounds, 0, out.bounds, 6 * o, 6 * p.size);
            for (int i = 0; i < p.size; i++) {
                int d = 4 * (o + i);
                out.meta[d] = p.meta[4 * i];
                out.meta[d + 1] = p.meta[4 * i + 1];
                int left = p.meta[4 * i + 2];
                out.meta[d + 2] = left < 0 ? -1 : left + o;
                out.meta[d + 3] = left < 0 ? -1 : p.meta[4 * i + 3] + o;
            }
        }
        assert root == 0 || (root == -1 && top.size == 0) : "root must land at index 0";
        return out;
    }

    private static int resolve(int child, int[] offset) {
        return child >= 0 ? child : offset[-child - 1];
    }

    /** Per-thread scratch for binning and the recursive build. */
    private final class Splitter {
        private final int[] binCount = new int[3 * BINS];
        private final float[] binBox = new float[3 * BINS * 6];
        private final double[] rightCost = new double[BINS];
        private final double[] cbox = new double[6];
        private final double[] scale = new double[3];

        /** Top phase: splits large ranges, records smaller ones as tasks (returned as {@code -(task + 1)}). */
        int buildTop(Nodes out, List<int[]> tasks, int start, int end, int depth) {
            if (end - start <= TASK_SIZE) {
                tasks.add(new int[] {start, end, depth});
                return -tasks.size();
            }
            int node = out.add();
            int mid = prepare(out, node, start, end, depth);
            int left = buildTop(out, tasks, start, mid, depth + 1);
            int right = buildTop(out, tasks, mid, end, depth + 1);
            out.meta[4 * node + 2] = left;
            out.meta[4 * node + 3] = right;
            return node;
        }

        int build(Nodes out, int start, int end, int depth) {
            int node = out.add();
            if (end - start <= LEAF_SIZE) {
                boxOf(out, node, start, end, depth);
                out.meta[4 * node + 2] = -1;
                out.meta[4 * node + 3] = -1;
                return node;
            }
            int mid = prepare(out, node, start, end, depth);
            int left = build(out, start, mid, depth + 1);
            int right = build(out, mid, end, depth + 1);
            out.meta[4 * node + 2] = left;
            out.meta[4 * node + 3] = right;
            return node;
        }

        /** Writes the node's box and range, partitions {@code order[start, end)} and returns the split index. */
        private int prepare(Nodes out, int node, int start, int end, int depth) {
            boxOf(out, node, start, end, depth);
            return partition(start, end, depth);
        }

        private void boxOf(Nodes out, int node, int start, int end, int depth) {
            float x0 = Float.POSITIVE_INFINITY, y0 = x0, z0 = x0, x1 = Float.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
            double cx0 = Double.POSITIVE_INFINITY, cy0 = cx0, cz0 = cx0, cx1 = Double.NEGATIVE_INFINITY, cy1 = cx1,
                    cz1 = cx1;
            for (int i = start; i < end; i++) {
                int t = order[i];
                int b = 6 * t;
                x0 = Math.min(x0, triBounds[b]);
                y0 = Math.min(y0, triBounds[b + 1]);
                z0 = Math.min(z0, triBounds[b + 2]);
                x1 = Math.max(x1, triBounds[b + 3]);
                y1 = Math.max(y1, triBounds[b + 4]);
                z1 = Math.max(z1, triBounds[b + 5]);
                double cx = centroids[3 * t], cy = centroids[3 * t + 1], cz = centroids[3 * t + 2];
                cx0 = Math.min(cx0, cx);
                cy0 = Math.min(cy0, cy);
                cz0 = Math.min(cz0, cz);
                cx1 = Math.max(cx1, cx);
                cy1 = Math.max(cy1, cy);
                cz1 = Math.max(cz1, cz);
            }
            float[] nb = out.bounds;
            int o = 6 * node;
            nb[o] = x0;
            nb[o + 1] = y0;
            nb[o + 2] = z0;
            nb[o + 3] = x1;
            nb[o + 4] = y1;
            nb[o + 5] = z1;
            out.meta[4 * node] = start;
            out.meta[4 * node + 1] = end - start;
            out.maxDepth = Math.max(out.maxDepth, depth);
            cbox[0] = cx0;
            cbox[1] = cy0;
            cbox[2] = cz0;
            cbox[3] = cx1;
            cbox[4] = cy1;
            cbox[5] = cz1;
        }

        private int partition(int start, int end, int depth) {
            int n = end - start;
            int longest = 0;
            for (int a = 1; a < 3; a++) {
                if (cbox[3 + a] - cbox[a] > cbox[3 + longest] - cbox[longest]) {
                    longest = a;
                }
            }
            if (!(cbox[3 + longest] > cbox[longest])) {
                return start + n / 2;
            }
            if (depth >= MEDIAN_DEPTH) {
                select(start, end, start + n / 2, longest);
                return start + n / 2;
            }
            Arrays.fill(binCount, 0);
            for (int k = 0; k < 3 * BINS; k++) {
                int o = 6 * k;
                binBox[o] = binBox[o + 1] = binBox[o + 2] = Float.POSITIVE_INFINITY;
                binBox[o + 3] = binBox[o + 4] = binBox[o + 5] = Float.NEGATIVE_INFINITY;
            }
            for (int a = 0; a < 3; a++) {
                double ext = cbox[3 + a] - cbox[a];
                scale[a] = ext > 0 ? BINS / ext : 0;
            }
            for (int i = start; i < end; i++) {
                int t = order[i];
                for (int a = 0; a < 3; a++) {
                    if (scale[a] == 0) {
                        continue;
                    }
                    int k = a * BINS + bin(t, a, scale[a]);
                    binCount[k]++;
                    int o = 6 * k;
                    int b = 6 * t;
                    for (int c = 0; c < 3; c++) {
                        binBox[o + c] = Math.min(binBox[o + c], triBounds[b + c]);
                        binBox[o + 3 + c] = Math.max(binBox[o + 3 + c], triBounds[b + 3 + c]);
                    }
                }
            }
            int bestAxis = -1;
            int bestSplit = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int a = 0; a < 3; a++) {
                if (scale[a] == 0) {
                    continue;
                }
                sweep(a);
                double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
                int count = 0;
                for (int s = 0; s < BINS - 1; s++) {
                    int k = a * BINS + s;
                    if (binCount[k] > 0) {
                        int o = 6 * k;
                        x0 = Math.min(x0, binBox[o]);
                        y0 = Math.min(y0, binBox[o + 1]);
                        z0 = Math.min(z0, binBox[o + 2]);
                        x1 = Math.max(x1, binBox[o + 3]);
                        y1 = Math.max(y1, binBox[o + 4]);
                        z1 = Math.max(z1, binBox[o + 5]);
                        count += binCount[k];
                    }
                    if (count == 0 || count == n) {
                        continue;
                    }
                    double cost = halfArea(x0, y0, z0, x1, y1, z1) * count + rightCost[s + 1];
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestAxis = a;
                        bestSplit = s;
                    }
                }
            }
            if (bestAxis < 0) {
                select(start, end, start + n / 2, longest);
                return start + n / 2;
            }
            int i = start;
            int j = end - 1;
            double sc = scale[bestAxis];
            while (i <= j) {
                if (bin(order[i], bestAxis, sc) <= bestSplit) {
                    i++;
                } else {
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                    j--;
                }
            }
            return i;
        }

        /** Fills {@code rightCost[s]} = half area x count of bins {@code s..BINS-1} on axis {@code a}. */
        private void sweep(int a) {
            double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
            int count = 0;
            for (int s = BINS - 1; s >= 0; s--) {
                int k = a * BINS + s;
                if (binCount[k] > 0) {
                    int o = 6 * k;
                    x0 = Math.min(x0, binBox[o]);
                    y0 = Math.min(y0, binBox[o + 1]);
                    z0 = Math.min(z0, binBox[o + 2]);
                    x1 = Math.max(x1, binBox[o + 3]);
                    y1 = Math.max(y1, binBox[o + 4]);
                    z1 = Math.max(z1, binBox[o + 5]);
                    count += binCount[k];
                }
                rightCost[s] = count == 0 ? 0 : halfArea(x0, y0, z0, x1, y1, z1) * count;
            }
        }

        private int bin(int t, int a, double scale) {
            int b = (int) ((centroids[3 * t + a] - cbox[a]) * scale);
            return b >= BINS ? BINS - 1 : b;
        }

        /** Quickselect: puts the triangle with the k-th smallest centroid on {@code axis} at {@code order[k]}. */
        private void select(int start, int end, int k, int axis) {
            Quickselect.select(centroids, order, start, end - 1, k, axis);
        }
    }

    private static double halfArea(double x0, double y0, double z0, double x1, double y1, double z1) {
        double dx = x1 - x0, dy = y1 - y0, dz = z1 - z0;
        return dx * dy + dy * dz + dz * dx;
    }
}
